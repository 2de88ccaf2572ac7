import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** What the sync benchmarks share: Heap's signed pages, random visitor ids, and waiting for a run to complete. */
final class HeapPages {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private HeapPages() {
    }

    /** Sends one signed page of Heap's segment.users.sync, its ids added or removed. */
    static HttpResponse<String> send(HttpClient http, String hub, byte[] secret, String idToken, long segment,
                                     String task, int page, int total, boolean adding, List<String> ids)
            throws Exception {
        StringBuilder body = new StringBuilder(ids.size() * 30 + 400);
        body.append("{\"id_token\":\"").append(idToken).append("\",\"action_type\":\"segment.users.sync\",")
                .append("\"customer_config\":{\"fields\":[]},\"data\":{\"segment\":{\"id\":").append(segment)
                .append(",\"name\":\"Benchmark segment\"},\"sync_info\":{\"page_number\":").append(page)
                .append(",\"total_pages\":").append(total).append(",\"sync_task_id\":\"").append(task)
                .append("\"},\"").append(adding ? "add" : "remove").append("\":[");
        for (int i = 0; i < ids.size(); i++) {
            body.append(i == 0 ? "" : ",").append("{\"id\":\"").append(ids.get(i)).append("\"}");
        }
        body.append("]}}");
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        String timestamp = Long.toString(System.currentTimeMillis());
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret, "HmacSHA256"));
        mac.update(timestamp.getBytes(StandardCharsets.US_ASCII));
        String hash = "ts:" + timestamp + ",hmac:" + Base64.getEncoder().encodeToString(mac.doFinal(bytes));
        return http.send(HttpRequest.newBuilder(URI.create(hub + "/api/integrations/heap/webhook"))
                .header("Content-Type", "application/json").header("Heap-Hash", hash)
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Waits until the run of {@code task} completed, at most 10 minutes. */
    static void awaitComplete(Connection db, String task) throws Exception {
        try (PreparedStatement query = db.prepareStatement(
                "SELECT completed_at IS NOT NULL FROM sync_run WHERE sync_task_id = ?")) {
            query.setString(1, task);
            for (long deadline = System.nanoTime() + 600_000_000_000L; System.nanoTime() < deadline; Thread.sleep(20)) {
                try (ResultSet row = query.executeQuery()) {
                    if (row.next() && row.getBoolean(1)) {
                        return;
                    }
                }
            }
        }
        throw new IllegalStateException("sync " + task + " did not complete in 10 minutes");
    }

    static String randomId(Random random) {
        char[] id = new char[16];
        for (int i = 0; i < id.length; i++) {
            id[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
        }
        return new String(id);
    }
}
