package io.audiencehub.sync;

import io.audiencehub.Http;
import io.audiencehub.connector.MixpanelSources;
import io.audiencehub.connector.NewMixpanelSource;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/** Mixpanel's side of a cohort sync in tests: calls as ../shared/mixpanel-cohort-sync.md writes them, sent with the source's credentials. */
public record MixpanelDeliveries(int port, NewMixpanelSource source) {

    public HttpResponse<String> send(String body) {
        return Http.postJson(url(), body, "Authorization", basic(source.userName(), source.password()));
    }

    public String url() {
        return "http://localhost:" + port + MixpanelSources.webhookPath(source.connector().tokenId());
    }

    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public static String call(String action, String cohort, String session, int page, int pages, List<String> members) {
        return "{\"action\": \"" + action + "\", \"parameters\": {\"mixpanel_project_id\": \"2195193\","
                + " \"mixpanel_cohort_id\": \"" + cohort + "\", \"mixpanel_cohort_name\": \"Power users\","
                + " \"mixpanel_cohort_description\": \"Bought twice this month\", \"mixpanel_session_id\": \"" + session
                + "\", \"page_info\": {\"total_pages\": " + pages + ", \"page_count\": " + page + "},"
                + " \"members\": [" + String.join(", ", members) + "]}}";
    }

    /** A member as Mixpanel exports it, carrying the visitor id in abtasty_visitor_id. */
    public static String member(String visitorId) {
        return "{\"email\": \"" + visitorId + "@example.com\", \"mixpanel_distinct_id\": \"d-" + visitorId
                + "\", \"first_name\": \"Ann\", \"last_name\": \"Lee\", \"abtasty_visitor_id\": \"" + visitorId + "\"}";
    }
}
