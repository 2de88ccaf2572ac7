import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What running campaigns cost a hub: N segments of three criteria each (page URL, device, country)
 * and N running A/B tests of two variations on them, made through the automation API, with the
 * hub's footprint before and after. Run by bench/campaign-sizing.sh; see bench/README.md.
 *
 * Arguments: hub base URL, JDBC URL of the hub's database, and optionally N (1,000 unless told).
 */
public class CampaignSizing {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");
    private static final String[] DEVICES = {"DESKTOP", "MOBILE", "TABLET"};
    private static final String[] COUNTRIES = {"FR", "DE", "US", "GB", "ES", "IT", "CA", "JP"};

    public static void main(String[] args) throws Exception {
        String hub = args[0];
        int campaigns = args.length > 2 ? Integer.parseInt(args[2].replace(",", "")) : 1_000;
        try (Connection db = DriverManager.getConnection(args[1])) {
            String key = insertKey(db);
            Footprint.print(db, "no campaign");
            long started = System.nanoTime();
            for (int n = 1; n <= campaigns; n++) {
                long segment = create(hub, key, "/segments", """
                        {"name": "Segment %1$d", "definition": {"version": 1, "root": {"type": "group", "combinator": "ALL",
                         "children": [
                          {"type": "condition", "negated": false, "criterion": {"type": "page_url", "match": "STARTS_WITH",
                           "value": "https://shop.example.com/category-%1$d/"}},
                          {"type": "condition", "negated": false, "criterion": {"type": "device_type", "device": "%2$s"}},
                          {"type": "condition", "negated": true, "criterion": {"type": "country", "code": "%3$s"}}]}}}
                        """.formatted(n, DEVICES[n % DEVICES.length], COUNTRIES[n % COUNTRIES.length]));
                long campaign = create(hub, key, "/campaigns", """
                        {"name": "Campaign %d", "type": "AB_TEST", "segment_ids": [%d], "traffic_percent": 80,
                         "variations": [{"name": "Original", "weight": 50},
                                        {"name": "Variation", "weight": 50,
                                         "json": {"headline": "A headline of about forty characters", "color": "#0a7"}}]}
                        """.formatted(n, segment));
                send(hub, key, "/campaigns/" + campaign + "/start", "", 200);
            }
            System.out.printf("made and started %,d campaigns on %,d segments through the API in %.1f s%n", campaigns,
                    campaigns, (System.nanoTime() - started) / 1e9);
            Thread.sleep(6_000); // the decision snapshot is rebuilt after changes, and every 5 s
            Footprint.print(db, String.format("%,d running campaigns", campaigns));
        }
    }

    /** A key with the scopes to make segments and campaigns, written as the hub writes one (its SHA-256 only). */
    private static String insertKey(Connection db) throws Exception {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        SecureRandom random = new SecureRandom();
        StringBuilder key = new StringBuilder("ahk_");
        while (key.length() < 44) {
            key.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        try (PreparedStatement insert = db.prepareStatement("""
                INSERT INTO api_key (name, prefix, scopes, key_sha256, created_by, created_at)
                VALUES ('Sizing benchmark', ?, 'READ,SEGMENTS,CAMPAIGNS', ?, 'bench', NOW(3))""")) {
            insert.setString(1, key.substring(0, 12));
            insert.setString(2, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.toString().getBytes(StandardCharsets.UTF_8))));
            insert.executeUpdate();
        }
        return key.toString();
    }

    private static long create(String hub, String key, String path, String body) throws Exception {
        Matcher id = ID.matcher(send(hub, key, path, body, 201));
        if (!id.find()) {
            throw new IllegalStateException(path + " answered no id");
        }
        return Long.parseLong(id.group(1));
    }

    private static String send(String hub, String key, String path, String body, int expected) throws Exception {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(hub + "/api/v1" + path))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + key)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != expected) {
            throw new IllegalStateException(path + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return answer.body();
    }
}
