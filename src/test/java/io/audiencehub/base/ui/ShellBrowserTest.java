package io.audiencehub.base.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import io.audiencehub.BrowserTest;
import org.junit.jupiter.api.Test;

class ShellBrowserTest extends BrowserTest {

    @Test
    void anAdminSignsInWalksTheMenuAndSignsOut() {
        page.navigate(baseUrl() + "/");
        assertThat(page.locator("#demo-credentials")).containsText("admin / admin");

        signIn("admin", "admin");
        // the page after sign-in
        assertThat(page.locator("vaadin-app-layout h2")).hasText("Overview");

        for (String[] entry : new String[][] {
                {"integrations/directory", "Directory"}, {"segments", "Segments"}, {"campaigns", "Campaigns"},
                {"admin/users", "Local users"}, {"integrations/hub", "Integration Hub"}, {"visitors/inspect",
                "Visitor inspector"}, {"overview", "Overview"}}) {
            page.locator("vaadin-side-nav-item[path$='" + entry[0] + "']:not([path*='heap-sandbox'])").click();
            page.waitForURL("**/" + entry[0]);
            assertThat(page.locator("vaadin-app-layout h2")).hasText(entry[1]);
        }
        screenshot("shell");

        page.locator("#user-menu vaadin-menu-bar-button:not([slot=overflow])").click();
        page.locator("vaadin-menu-bar-item").getByText("Sign out").click();
        page.waitForURL("**/login");
        assertThat(page.locator("vaadin-login-form")).isVisible();
    }
}
