import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.util.ArrayList;
import java.util.List;

/**
 * What an admin's session costs the hub: N admins (20 unless told), each in a browser context of its
 * own (its own session), signed in with the Directory open in one tab and the segment builder in
 * another, all kept open while the hub's live heap is read after a full GC. Run by
 * bench/session-sizing.sh; see bench/README.md.
 *
 * Arguments: hub base URL, and optionally N.
 */
public class SessionSizing {

    public static void main(String[] args) throws Exception {
        String hub = args[0];
        int sessions = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        try (Playwright playwright = Chromium.playwright()) {
            Browser browser = Chromium.launch(playwright);
            double before = Footprint.liveHeapMegabytes();
            System.out.printf("hub's live heap with no session: %.1f MB%n", before);
            List<BrowserContext> open = new ArrayList<>();
            for (int n = 0; n < sessions; n++) {
                BrowserContext admin = browser.newContext();
                open.add(admin);
                Page directory = admin.newPage();
                Chromium.signInAsAdmin(directory, hub);
                directory.navigate(hub + "/integrations/directory");
                directory.locator("#connections").waitFor();
                Page builder = admin.newPage();
                builder.navigate(hub + "/segments/new");
                builder.getByText("EXTERNAL DATA").first().waitFor();
            }
            double after = Footprint.liveHeapMegabytes();
            System.out.printf("hub's live heap with %d admin sessions open (Directory and segment builder): %.1f MB"
                    + " (%.0f KB a session)%n", sessions, after, (after - before) * 1024 / sessions);
            for (BrowserContext admin : open) {
                admin.close();
            }
        }
    }
}
