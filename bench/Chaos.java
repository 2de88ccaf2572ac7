import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Plays Heap for bench/chaos.sh: one segment's sync as signed pages sent one after the other, each
 * sent again until the hub acknowledges it (200), as Heap retries every other answer and every
 * connection that fails; meanwhile the script kills the hub or its database. Prints each page's
 * outcome ("acknowledged N" as it goes), then sends the first pages once more, as a retry of pages
 * already acknowledged would, and checks that they are answered "duplicate".
 *
 * <p>Arguments: hub URL, webhook secret, id_token, segment id, pages, ids per page.
 */
public final class Chaos {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Duration GIVE_UP_AFTER = Duration.ofMinutes(5);

    public static void main(String[] args) throws Exception {
        String hub = args[0];
        byte[] secret = args[1].getBytes(StandardCharsets.UTF_8);
        String idToken = args[2];
        long segmentId = Long.parseLong(args[3]);
        int pages = Integer.parseInt(args[4]);
        int perPage = Integer.parseInt(args[5]);
        String task = "chaos-task-" + segmentId;
        int retries = 0;
        for (int page = 1; page <= pages; page++) {
            String body = page(idToken, segmentId, task, page, pages, perPage);
            retries += sendUntilAcknowledged(hub, secret, body, page);
            System.out.println("acknowledged " + page);
        }
        int duplicates = 0;
        for (int page = 1; page <= Math.min(3, pages); page++) {
            String answer = send(hub, secret, page(idToken, segmentId, task, page, pages, perPage));
            duplicates += answer != null && answer.contains("\"duplicate\"") ? 1 : 0;
        }
        System.out.printf("sent %d pages of %d ids (%d ids), %d attempts answered otherwise or failed and sent"
                + " again; %d of %d acknowledged pages sent again were answered duplicate%n", pages, perPage,
                (long) pages * perPage, retries, duplicates, Math.min(3, pages));
        System.exit(duplicates == Math.min(3, pages) ? 0 : 1);
    }

    private static int sendUntilAcknowledged(String hub, byte[] secret, String body, int page) throws InterruptedException {
        long deadline = System.nanoTime() + GIVE_UP_AFTER.toNanos();
        int retries = 0;
        while (System.nanoTime() < deadline) {
            if (send(hub, secret, body) != null) {
                return retries;
            }
            retries++;
            Thread.sleep(500);
        }
        throw new IllegalStateException("page " + page + " was never acknowledged within " + GIVE_UP_AFTER);
    }

    /** The answer's body when the hub acknowledged the page (200), else null. */
    private static String send(String hub, byte[] secret, String body) throws InterruptedException {
        String timestamp = Long.toString(System.currentTimeMillis());
        HttpRequest request = HttpRequest.newBuilder(URI.create(hub + "/api/integrations/heap/webhook"))
                .header("Content-Type", "application/json")
                .header("Heap-Hash", "ts:" + timestamp + ",hmac:" + hmac(secret, timestamp, body))
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<String> answer = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return answer.statusCode() == 200 ? answer.body() : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static String page(String idToken, long segmentId, String task, int page, int pages, int perPage) {
        StringBuilder add = new StringBuilder();
        for (int i = 0; i < perPage; i++) {
            add.append(i == 0 ? "" : ",").append("{\"id\":\"chaos-").append(segmentId).append('-')
                    .append((long) (page - 1) * perPage + i).append("\"}");
        }
        return "{\"id_token\":\"" + idToken + "\",\"action_type\":\"segment.users.sync\",\"data\":{\"segment\":"
                + "{\"id\":" + segmentId + ",\"name\":\"Chaos " + segmentId + "\"},\"sync_info\":{\"page_number\":" + page
                + ",\"total_pages\":" + pages + ",\"sync_task_id\":\"" + task + "\"},\"add\":[" + add + "],\"remove\":[]}}";
    }

    /** Heap's signature of a delivery: HMAC-SHA256 of the timestamp and the body, in base64. */
    static String hmac(byte[] secret, String timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update(timestamp.getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
