import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plays Heap and a site for bench/cluster.sh, against two hubs of one cluster. Two senders deliver one
 * segment's sync as signed pages, the odd pages to the first hub and the even ones to the second, each
 * page sent again until acknowledged and to the other hub while its own does not answer (a load
 * balancer's failover); meanwhile the script kills a hub, then a database node. After each page is
 * acknowledged as applied (not only queued), a probe asks the hub that is not the writer for the decision of that page's
 * first visitor until the campaign targeting the audience shows: the freshness delay. At the end the
 * first pages are sent again and must be answered "duplicate".
 *
 * <p>Compiled with bench/Chaos.java, whose signing it uses. Arguments: first hub URL, second hub URL, webhook secret, id_token, segment id, pages, ids per
 * page, campaign id, metrics password, pause in ms between a sender's pages (Heap paces its pages
 * too; here it keeps pages coming while the script kills and restarts).
 */
public final class Cluster {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Duration GIVE_UP_AFTER = Duration.ofMinutes(5);
    private static final Pattern WRITER_GAUGE = Pattern.compile("(?m)^audiencehub_audiences_writer(?:\\{[^}]*\\})? ([0-9.]+)$");

    private static String[] hubs;
    private static byte[] secret;
    private static String idToken;
    private static long segmentId;
    private static int pages;
    private static int perPage;
    private static long campaignId;
    private static String metricsAuthorization;
    private static final AtomicInteger resent = new AtomicInteger();
    private static final List<Long> freshnessMillis = Collections.synchronizedList(new ArrayList<>());
    private static final AtomicInteger probesWithoutStandby = new AtomicInteger();
    private static volatile String standby;

    public static void main(String[] args) throws Exception {
        hubs = new String[] {args[0], args[1]};
        secret = args[2].getBytes(StandardCharsets.UTF_8);
        idToken = args[3];
        segmentId = Long.parseLong(args[4]);
        pages = Integer.parseInt(args[5]);
        perPage = Integer.parseInt(args[6]);
        campaignId = Long.parseLong(args[7]);
        long pause = Long.parseLong(args[9]);
        metricsAuthorization = "Basic " + Base64.getEncoder().encodeToString(("metrics:" + args[8])
                .getBytes(StandardCharsets.UTF_8));
        String task = "cluster-task-" + segmentId;
        findStandby();
        Thread roles = new Thread(Cluster::watchRoles);
        roles.setDaemon(true);
        roles.start();
        ExecutorService probes = Executors.newCachedThreadPool();
        List<CompletableFuture<Void>> probed = Collections.synchronizedList(new ArrayList<>());
        Thread[] senders = new Thread[2];
        for (int hub = 0; hub < 2; hub++) {
            int first = hub + 1;
            int preferred = hub;
            senders[hub] = new Thread(() -> {
                for (int page = first; page <= pages; page += 2) {
                    Acknowledged acknowledged = sendUntilAcknowledged(page(task, page), page, preferred);
                    String visitor = visitorId(page, 0);
                    if (acknowledged.answer().contains("\"status\":\"applied\"")) {
                        probed.add(CompletableFuture.runAsync(() -> probe(visitor, acknowledged.at()), probes));
                    }
                    sleep(pause);
                }
            });
            senders[hub].start();
        }
        for (Thread sender : senders) {
            sender.join();
        }
        CompletableFuture.allOf(probed.toArray(CompletableFuture[]::new)).join();
        probes.shutdown();
        int duplicates = 0;
        for (int page = 1; page <= Math.min(3, pages); page++) {
            String answer = sendUntilAcknowledged(page(task, page), page, page % 2).answer();
            duplicates += answer.contains("\"duplicate\"") ? 1 : 0;
        }
        List<Long> delays = new ArrayList<>(freshnessMillis);
        Collections.sort(delays);
        System.out.printf("sent %d pages of %d ids (%d ids) half to each hub; %d attempts answered otherwise or"
                + " failed and were sent again; %d of %d acknowledged pages sent again were answered duplicate%n",
                pages, perPage, (long) pages * perPage, resent.get(), duplicates, Math.min(3, pages));
        if (delays.isEmpty()) {
            System.out.println("freshness: no probe found a standby hub");
        } else {
            System.out.printf("freshness on the hub that is not the writer, %d pages probed (%d found no standby):"
                    + " median %d ms, max %d ms%n", delays.size(), probesWithoutStandby.get(),
                    delays.get(delays.size() / 2), delays.get(delays.size() - 1));
        }
        System.exit(duplicates == Math.min(3, pages) && !delays.isEmpty() ? 0 : 1);
    }

    /** A page's acknowledgement: when it came (System.nanoTime) and what it said. */
    private record Acknowledged(long at, String answer) {
    }

    /** Sends the page until a hub acknowledges it, preferring its own hub. */
    private static Acknowledged sendUntilAcknowledged(String body, int page, int preferred) {
        long deadline = System.nanoTime() + GIVE_UP_AFTER.toNanos();
        int attempt = 0;
        while (System.nanoTime() < deadline) {
            int hub = (preferred + attempt) % 2;
            String answer = send(hubs[hub], body);
            if (answer != null) {
                long at = System.nanoTime();
                System.out.println("acknowledged " + page + " by hub " + (hub + 1) + ": " + answer);
                return new Acknowledged(at, answer);
            }
            resent.incrementAndGet();
            attempt++;
            sleep(200);
        }
        throw new IllegalStateException("page " + page + " was never acknowledged within " + GIVE_UP_AFTER);
    }

    /**
     * Asks the hub that is not the writer for the visitor's decision until the campaign shows; the delay
     * counts from the page's acknowledgement, when the writer had applied it.
     */
    private static void probe(String visitorId, long acknowledgedAt) {
        long deadline = acknowledgedAt + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            String hub = standby;
            if (hub == null) {
                probesWithoutStandby.incrementAndGet();
                System.out.println("probe " + visitorId + ": no hub answers as a standby now");
                return;
            }
            String answer = decide(hub, visitorId);
            if (answer != null && answer.contains("\"campaign_id\":" + campaignId + ",")) {
                long delay = (System.nanoTime() - acknowledgedAt) / 1_000_000;
                freshnessMillis.add(delay);
                System.out.println("probe " + visitorId + ": in the campaign on " + hub + " after " + delay + " ms");
                return;
            }
            sleep(20);
        }
        System.out.println("FAILED: the standby never saw " + visitorId + " within 60 s");
    }

    /**
     * Keeps {@link #standby} up to date from the hubs' writer gauges, twice a second: each scrape checks
     * the metrics password, which costs the hub more than a decision, so the probes do not scrape.
     */
    private static void watchRoles() {
        while (true) {
            sleep(500);
            findStandby();
        }
    }

    private static void findStandby() {
        String found = null;
        for (String hub : hubs) {
            if ("0".equals(writerGauge(hub))) {
                found = hub;
            }
        }
        standby = found;
    }

    /** The hub's audiencehub_audiences_writer gauge: "1" on the writer, "0" on the others, else why not. */
    private static String writerGauge(String hub) {
        String metrics = get(hub + "/actuator/prometheus");
        if (metrics == null) {
            return "no answer";
        }
        Matcher writer = WRITER_GAUGE.matcher(metrics);
        return writer.find() ? Integer.toString((int) Double.parseDouble(writer.group(1))) : "no gauge";
    }

    private static String decide(String hub, String visitorId) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(hub + "/api/v1/decisions"))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(5))
                .POST(HttpRequest.BodyPublishers.ofString("{\"visitor_id\":\"" + visitorId + "\"}")).build();
        return bodyIfOk(request);
    }

    private static String get(String url) {
        return bodyIfOk(HttpRequest.newBuilder(URI.create(url)).header("Authorization", metricsAuthorization)
                .timeout(Duration.ofSeconds(5)).GET().build());
    }

    /** The answer's body when the hub acknowledged the page (200), else null. */
    private static String send(String hub, String body) {
        String timestamp = Long.toString(System.currentTimeMillis());
        return bodyIfOk(HttpRequest.newBuilder(URI.create(hub + "/api/integrations/heap/webhook"))
                .header("Content-Type", "application/json")
                .header("Heap-Hash", "ts:" + timestamp + ",hmac:" + Chaos.hmac(secret, timestamp, body))
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private static String bodyIfOk(HttpRequest request) {
        try {
            HttpResponse<String> answer = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return answer.statusCode() == 200 ? answer.body() : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static String visitorId(int page, int index) {
        return "cluster-" + segmentId + "-" + ((long) (page - 1) * perPage + index);
    }

    private static String page(String task, int page) {
        StringBuilder add = new StringBuilder();
        for (int i = 0; i < perPage; i++) {
            add.append(i == 0 ? "" : ",").append("{\"id\":\"").append(visitorId(page, i)).append("\"}");
        }
        return "{\"id_token\":\"" + idToken + "\",\"action_type\":\"segment.users.sync\",\"data\":{\"segment\":"
                + "{\"id\":" + segmentId + ",\"name\":\"Cluster " + segmentId + "\"},\"sync_info\":{\"page_number\":"
                + page + ",\"total_pages\":" + pages + ",\"sync_task_id\":\"" + task + "\"},\"add\":[" + add
                + "],\"remove\":[]}}";
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
