import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a hub takes at one moment of a benchmark: the sizing figures of docs/operations.md come from here. */
final class Footprint {

    private static final Pattern USED = Pattern.compile("used (\\d+)K");

    private Footprint() {
    }

    /** The hub's live heap after a full GC (with HUB_PID set) and the size of its tables and indexes. */
    static void print(Connection db, String state) throws Exception {
        double live = liveHeapMegabytes();
        String heap = Double.isNaN(live) ? "not measured (no HUB_PID)" : String.format("%.1f MB", live);
        List<String> tables = new ArrayList<>();
        try (Statement sql = db.createStatement();
             ResultSet names = sql.executeQuery("SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE()")) {
            while (names.next()) {
                tables.add(names.getString(1));
            }
        }
        StringBuilder largest = new StringBuilder();
        long total = 0;
        try (Statement sql = db.createStatement()) {
            for (String table : tables) {
                sql.execute("ANALYZE TABLE `" + table + "`"); // InnoDB's sizes are estimates until analysed
            }
            try (ResultSet sizes = sql.executeQuery("SELECT table_name, data_length + index_length FROM information_schema.tables"
                    + " WHERE table_schema = DATABASE() ORDER BY 2 DESC")) {
                for (int n = 0; sizes.next(); n++) {
                    total += sizes.getLong(2);
                    if (n < 4) {
                        largest.append(n == 0 ? "" : ", ").append(sizes.getString(1))
                                .append(String.format(" %.1f MB", sizes.getLong(2) / 1048576.0));
                    }
                }
            }
        }
        System.out.printf("footprint, %s: heap live after a full GC %s; database %.1f MB (%s)%n", state, heap,
                total / 1048576.0, largest);
    }

    /** The hub's heap in use right after a full GC, or NaN without HUB_PID. */
    static double liveHeapMegabytes() throws Exception {
        String pid = System.getenv("HUB_PID");
        if (pid == null) {
            return Double.NaN;
        }
        jcmd(pid, "GC.run");
        Matcher used = USED.matcher(jcmd(pid, "GC.heap_info"));
        if (!used.find()) {
            throw new IllegalStateException("jcmd GC.heap_info printed no heap in use");
        }
        return Long.parseLong(used.group(1)) / 1024.0;
    }

    private static String jcmd(String pid, String command) throws Exception {
        Process jcmd = new ProcessBuilder("jcmd", pid, command).redirectErrorStream(true).start();
        String output = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        jcmd.waitFor();
        return output;
    }

}
