import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * Mixpanel's cohort sync of N members (1,000,000 unless told) as 1,000-member pages of one
 * {@code members} session, against Heap's segment sync of the same ids in the same run: first in
 * Heap's own pages of 10,000, last in pages of 1,000 like Mixpanel's. Run by bench/mixpanel-sync.sh,
 * which starts the hub; see bench/README.md.
 *
 * Arguments: hub base URL, JDBC URL of the hub's database, Heap webhook secret, and optionally the
 * number of members (a multiple of 10,000).
 */
public class MixpanelSyncBenchmark {

    private static final int MIXPANEL_PAGE = 1_000;
    private static final int HEAP_PAGE = 10_000;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** One path's figures: end to end until applied, until the last page was answered, and each page's answer time. */
    private record Run(String path, double seconds, double answeredSeconds, List<Double> answers) {

        double median() {
            return answers.get(answers.size() / 2) * 1000;
        }

        double slowest() {
            return answers.get(answers.size() - 1) * 1000;
        }
    }

    public static void main(String[] args) throws Exception {
        String hub = args[0];
        byte[] secret = args[2].getBytes(StandardCharsets.UTF_8);
        int memberCount = args.length > 3 ? Integer.parseInt(args[3].replace("_", "").replace(",", "")) : 1_000_000;
        if (memberCount % HEAP_PAGE != 0) {
            throw new IllegalArgumentException("the number of members must be a multiple of " + HEAP_PAGE);
        }
        Random random = new Random(20261203);
        List<String> members = new ArrayList<>(memberCount);
        Set<String> distinct = new HashSet<>(memberCount * 2);
        while (members.size() < memberCount) {
            String id = HeapPages.randomId(random);
            if (distinct.add(id)) {
                members.add(id);
            }
        }
        try (Connection db = DriverManager.getConnection(args[1])) {
            Run heap = heap(db, hub, secret, members, HEAP_PAGE);
            Run mixpanel = mixpanel(db, hub, members);
            Run heapSmallPages = heap(db, hub, secret, members, MIXPANEL_PAGE);
            for (Run run : List.of(heap, mixpanel, heapSmallPages)) {
                System.out.printf("%s: %,d members end to end until applied %.2f s (every page answered after %.2f s);"
                        + " page answer median %.1f ms, slowest %.0f ms%n", run.path(), memberCount, run.seconds(),
                        run.answeredSeconds(), run.median(), run.slowest());
            }
            System.out.printf("ratio Mixpanel / Heap (Heap's 10,000-id pages): %.2f%n", mixpanel.seconds() / heap.seconds());
            System.out.printf("ratio Mixpanel / Heap (1,000-id pages, page for page): %.2f%n",
                    mixpanel.seconds() / heapSmallPages.seconds());
        }
    }

    private static Run heap(Connection db, String hub, byte[] secret, List<String> members, int pageSize)
            throws Exception {
        String idToken = UUID.randomUUID().toString();
        insertConnector(db, "heap", idToken);
        long segment = 1_338_000 + pageSize;
        String task = "heap-" + pageSize;
        int total = members.size() / pageSize;
        List<Double> answers = new ArrayList<>(total);
        long start = System.nanoTime();
        for (int page = 1; page <= total; page++) {
            long sent = System.nanoTime();
            HttpResponse<String> answer = HeapPages.send(HTTP, hub, secret, idToken, segment, task, page, total, true,
                    members.subList((page - 1) * pageSize, page * pageSize));
            answers.add(seconds(sent));
            requireOk(answer, page);
        }
        double answered = seconds(start);
        HeapPages.awaitComplete(db, task);
        double elapsed = seconds(start);
        requireMembers(db, idToken, String.valueOf(segment), members.size());
        answers.sort(null);
        return new Run(String.format("Heap, %,d pages of %,d", total, pageSize), elapsed, answered, answers);
    }

    private static Run mixpanel(Connection db, String hub, List<String> members) throws Exception {
        String sourceId = UUID.randomUUID().toString();
        long connector = insertConnector(db, "mixpanel", sourceId);
        String password = UUID.randomUUID().toString();
        try (PreparedStatement credentials = db.prepareStatement("""
                INSERT INTO connector_mixpanel (connector_id, user_name, password_sha256, visitor_property, credentials_at)
                VALUES (?, 'bench', ?, 'abtasty_visitor_id', NOW(3))
                """)) {
            credentials.setLong(1, connector);
            credentials.setBytes(2, MessageDigest.getInstance("SHA-256").digest(password.getBytes(StandardCharsets.UTF_8)));
            credentials.executeUpdate();
        }
        String authorization = "Basic " + Base64.getEncoder().encodeToString(("bench:" + password)
                .getBytes(StandardCharsets.UTF_8));
        URI webhook = URI.create(hub + "/api/integrations/mixpanel/" + sourceId + "/webhook");
        String session = UUID.randomUUID().toString();
        int total = members.size() / MIXPANEL_PAGE;
        List<Double> answers = new ArrayList<>(total);
        long start = System.nanoTime();
        for (int page = 1; page <= total; page++) {
            StringBuilder body = new StringBuilder(MIXPANEL_PAGE * 150 + 400);
            body.append("{\"action\":\"members\",\"parameters\":{\"mixpanel_project_id\":\"2195193\",")
                    .append("\"mixpanel_cohort_id\":\"1234567\",\"mixpanel_cohort_name\":\"Benchmark cohort\",")
                    .append("\"mixpanel_cohort_description\":\"\",\"mixpanel_session_id\":\"").append(session)
                    .append("\",\"page_info\":{\"total_pages\":").append(total).append(",\"page_count\":").append(page)
                    .append("},\"members\":[");
            for (int i = (page - 1) * MIXPANEL_PAGE; i < page * MIXPANEL_PAGE; i++) {
                String id = members.get(i);
                body.append(i % MIXPANEL_PAGE == 0 ? "" : ",").append("{\"email\":\"").append(id)
                        .append("@example.com\",\"mixpanel_distinct_id\":\"d-").append(id)
                        .append("\",\"first_name\":\"Ann\",\"last_name\":\"Lee\",\"abtasty_visitor_id\":\"").append(id)
                        .append("\"}");
            }
            body.append("]}}");
            long sent = System.nanoTime();
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(webhook)
                    .header("Content-Type", "application/json").header("Authorization", authorization)
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                    HttpResponse.BodyHandlers.ofString());
            answers.add(seconds(sent));
            requireOk(answer, page);
        }
        double answered = seconds(start);
        HeapPages.awaitComplete(db, "members:" + session);
        double elapsed = seconds(start);
        requireMembers(db, sourceId, "1234567", members.size());
        answers.sort(null);
        return new Run(String.format("Mixpanel, %,d pages of %,d", total, MIXPANEL_PAGE), elapsed, answered,
                answers);
    }

    private static long insertConnector(Connection db, String provider, String tokenId) throws Exception {
        try (PreparedStatement connector = db.prepareStatement("""
                INSERT INTO connector (provider_id, name, state, token_id, environment_name, created_by,
                                       created_at, updated_at)
                VALUES (?, ?, 'VALIDATED', ?, 'Benchmark', 'bench', NOW(3), NOW(3))
                """, Statement.RETURN_GENERATED_KEYS)) {
            connector.setString(1, provider);
            connector.setString(2, "Benchmark " + provider + " " + tokenId.substring(0, 8));
            connector.setString(3, tokenId);
            connector.executeUpdate();
            try (ResultSet key = connector.getGeneratedKeys()) {
                key.next();
                return key.getLong(1);
            }
        }
    }

    private static void requireOk(HttpResponse<String> answer, int page) {
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("page " + page + " was answered " + answer.statusCode() + ": "
                    + answer.body());
        }
    }

    private static void requireMembers(Connection db, String tokenId, String audienceKey, int expected)
            throws Exception {
        try (PreparedStatement query = db.prepareStatement("""
                SELECT a.member_count FROM audience a JOIN connector c ON c.id = a.connector_id
                WHERE c.token_id = ? AND a.audience_key = ?
                """)) {
            query.setString(1, tokenId);
            query.setString(2, audienceKey);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next() || row.getLong(1) != expected) {
                    throw new IllegalStateException("the audience " + audienceKey + " does not hold the "
                            + expected + " members sent");
                }
            }
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
