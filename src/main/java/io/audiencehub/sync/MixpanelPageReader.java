package io.audiencehub.sync;

import com.fasterxml.jackson.databind.JsonNode;
import io.audiencehub.visitor.VisitorIds;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Reads a Mixpanel cohort sync call into a page of the cohort's audience (keyed by the cohort id): a
 * {@code members} call is a page of a replacing sync, {@code add_members} and {@code remove_members}
 * pages of adds and removes, all paged by {@code mixpanel_session_id}. A member whose visitor property
 * is missing or not a visitor id is counted, never refused. Anything else wrong is a 400 naming its path.
 */
@Component
class MixpanelPageReader {

    static final String MEMBERS = "members";
    static final String ADD_MEMBERS = "add_members";
    static final String REMOVE_MEMBERS = "remove_members";
    private static final Set<String> ACTIONS = Set.of(MEMBERS, ADD_MEMBERS, REMOVE_MEMBERS);
    private static final int MAX_TEXT = 255;
    /** A session id is kept in the sync task id, after the action: short enough for both to fit its 255 characters. */
    private static final int MAX_SESSION = 200;

    private final SyncPageReader json;

    MixpanelPageReader(SyncPageReader json) {
        this.json = json;
    }

    /** The action a body names, to answer with, or "unknown" when it names none that can be read. */
    String actionOf(byte[] body) {
        try {
            String action = json.readObject(body, MixpanelBody.class).action();
            return action == null ? "unknown" : action;
        } catch (WebhookRejected unreadable) {
            return "unknown";
        }
    }

    MixpanelPage page(byte[] body, String sourceId, String visitorProperty) {
        MixpanelBody call = json.readObject(body, MixpanelBody.class);
        if (call.action() == null) {
            throw rejected(sourceId, "$.action", "is missing; Mixpanel sends members, add_members or remove_members");
        }
        if (!ACTIONS.contains(call.action())) {
            throw rejected(sourceId, "$.action", "\"" + call.action() + "\" is not members, add_members or remove_members");
        }
        MixpanelBody.Parameters parameters = call.parameters();
        if (parameters == null) {
            throw rejected(sourceId, "$.parameters", "is missing");
        }
        String cohortId = id(parameters.mixpanelCohortId(), "$.parameters.mixpanel_cohort_id", sourceId);
        String session = text(parameters.mixpanelSessionId(), "$.parameters.mixpanel_session_id", sourceId);
        if (session.length() > MAX_SESSION) {
            throw rejected(sourceId, "$.parameters.mixpanel_session_id", "has " + session.length() + " characters; at"
                    + " most " + MAX_SESSION + " are accepted");
        }
        String name = parameters.mixpanelCohortName() == null || parameters.mixpanelCohortName().isBlank()
                ? "Cohort " + cohortId : text(parameters.mixpanelCohortName(), "$.parameters.mixpanel_cohort_name",
                sourceId);
        MixpanelBody.PageInfo info = parameters.pageInfo();
        int totalPages = info == null || info.totalPages() == null ? 1 : info.totalPages();
        int pageCount = info == null || info.pageCount() == null ? 1 : info.pageCount();
        if (totalPages < 1) {
            throw rejected(sourceId, "$.parameters.page_info.total_pages", "must be 1 or more");
        }
        if (pageCount < 1 || pageCount > totalPages) {
            throw rejected(sourceId, "$.parameters.page_info.page_count", "is " + pageCount + "; it runs from 1 to"
                    + " total_pages, " + totalPages);
        }
        List<String> ids = new ArrayList<>();
        long unidentified = 0;
        List<JsonNode> members = parameters.members() == null ? List.of() : parameters.members();
        for (int i = 0; i < members.size(); i++) {
            JsonNode member = members.get(i);
            if (member == null || !member.isObject()) {
                throw rejected(sourceId, "$.parameters.members[" + i + "]", "must be an object of the member's properties");
            }
            String visitorId = visitorId(member.get(visitorProperty));
            if (visitorId == null) {
                unidentified++;
            } else {
                ids.add(visitorId);
            }
        }
        boolean removes = call.action().equals(REMOVE_MEMBERS);
        SyncPage page = new SyncPage(cohortId, name, call.action() + ":" + session, pageCount, totalPages,
                removes ? List.of() : List.copyOf(ids), removes ? List.copyOf(ids) : List.of(),
                call.action().equals(MEMBERS), unidentified);
        return new MixpanelPage(call.action(), new DeliveredPage(sourceId, page));
    }

    /** The visitor id a member's property holds, or null when it holds none a visitor can have. */
    private static String visitorId(JsonNode value) {
        String id = value == null ? null : value.isTextual() ? value.textValue()
                : value.isIntegralNumber() ? value.asText() : null;
        return id == null || VisitorIds.problem(id) != null ? null : id;
    }

    private static String id(JsonNode value, String path, String sourceId) {
        if (value == null || value.isNull()) {
            throw rejected(sourceId, path, "is missing");
        }
        if (!value.isTextual() && !value.isIntegralNumber()) {
            throw rejected(sourceId, path, "must be a string or an integer");
        }
        return text(value.asText(), path, sourceId);
    }

    private static String text(String value, String path, String sourceId) {
        if (value == null || value.isBlank()) {
            throw rejected(sourceId, path, value == null ? "is missing" : "must not be empty");
        }
        if (value.length() > MAX_TEXT) {
            throw rejected(sourceId, path, "has " + value.length() + " characters; at most " + MAX_TEXT
                    + " are accepted");
        }
        return value;
    }

    private static WebhookRejected rejected(String sourceId, String path, String what) {
        return new WebhookRejected(400, path + ": " + what, sourceId);
    }

    /** A call read: its action, to answer with, and its page. */
    record MixpanelPage(String action, DeliveredPage delivered) {
    }
}
