package io.audiencehub.sync;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * What Jackson's types cannot say about a {@code segment.users.sync} body: required fields, lengths,
 * ranges, the supported action. The first problem is reported by its JSON path
 * ({@code $.data.add[3].id: must not be empty}); an unsupported {@code action_type} is a 405.
 */
final class WebhookPageValidator {

    static final String SYNC_ACTION = "segment.users.sync";
    private static final int MAX_TEXT = 255;

    private final int maxIdLength;

    WebhookPageValidator(int maxIdLength) {
        this.maxIdLength = maxIdLength;
    }

    /** Checks the action and the id token; returns the id token. */
    String envelope(WebhookBody body) {
        String actionType = text(body.actionType(), "$.action_type", null);
        if (!actionType.equals(SYNC_ACTION)) {
            throw new WebhookRejected(405, "$.action_type: \"" + actionType + "\" is not supported; this"
                    + " receiver handles \"" + SYNC_ACTION + "\" only.", idTokenIfText(body.idToken()));
        }
        return text(body.idToken(), "$.id_token", idTokenIfText(body.idToken()));
    }

    DeliveredPage page(String idToken, WebhookBody.Data data) {
        Problems problems = new Problems(idToken);
        if (data == null) {
            throw problems.at("$.data", "is missing");
        }
        WebhookBody.Segment segment = data.segment();
        WebhookBody.SyncInfo info = data.syncInfo();
        List<String> add = members(data.add(), "$.data.add", problems);
        List<String> remove = members(data.remove(), "$.data.remove", problems);
        long segmentId = range(segment == null ? null : segment.id(), "$.data.segment.id", Long.MAX_VALUE, problems);
        String segmentName = text(segment == null ? null : segment.name(), "$.data.segment.name", problems);
        String syncTaskId = text(info == null ? null : info.syncTaskId(), "$.data.sync_info.sync_task_id", problems);
        int pageNumber = (int) range(info == null ? null : info.pageNumber(), "$.data.sync_info.page_number",
                Integer.MAX_VALUE, problems);
        int totalPages = (int) range(info == null ? null : info.totalPages(), "$.data.sync_info.total_pages",
                Integer.MAX_VALUE, problems);
        if (pageNumber < 1) {
            throw problems.at("$.data.sync_info.page_number", "must be 1 or more");
        }
        if (pageNumber > totalPages) {
            throw problems.at("$.data.sync_info.page_number", "is " + pageNumber + ", beyond total_pages " + totalPages);
        }
        return new DeliveredPage(idToken, new SyncPage(Long.toString(segmentId), segmentName, syncTaskId, pageNumber,
                totalPages, add, remove));
    }

    private List<String> members(List<WebhookBody.Member> members, String path, Problems problems) {
        if (members == null) {
            return List.of();
        }
        List<String> ids = new ArrayList<>(members.size());
        for (int i = 0; i < members.size(); i++) {
            String itemPath = path + "[" + i + "]";
            WebhookBody.Member member = members.get(i);
            if (member == null) {
                throw problems.at(itemPath, "must be an object");
            }
            String id = member.id();
            if (id == null) {
                throw problems.at(itemPath + ".id", "is missing");
            }
            if (id.isEmpty()) {
                throw problems.at(itemPath + ".id", "must not be empty");
            }
            if (id.length() > maxIdLength) {
                throw problems.at(itemPath + ".id", "is " + id.length() + " characters long; at most " + maxIdLength
                        + " are accepted");
            }
            ids.add(id);
        }
        return List.copyOf(ids);
    }

    private static String text(JsonNode value, String path, String idToken) {
        if (value == null) {
            throw new Problems(idToken).at(path, "is missing");
        }
        if (!value.isTextual()) {
            throw new Problems(idToken).at(path, "must be a string");
        }
        return text(value.textValue(), path, new Problems(idToken));
    }

    private static String text(String value, String path, Problems problems) {
        if (value == null) {
            throw problems.at(path, "is missing");
        }
        if (value.isBlank()) {
            throw problems.at(path, "must not be empty");
        }
        if (value.length() > MAX_TEXT) {
            throw problems.at(path, "has " + value.length() + " characters; at most " + MAX_TEXT + " are accepted");
        }
        return value;
    }

    private static long range(Long value, String path, long max, Problems problems) {
        if (value == null) {
            throw problems.at(path, "is missing");
        }
        if (value < 0 || value > max) {
            throw problems.at(path, "must be an integer between 0 and " + max);
        }
        return value;
    }

    private static String idTokenIfText(JsonNode idToken) {
        return idToken != null && idToken.isTextual() ? idToken.textValue() : null;
    }

    /** Makes the 400 for a problem, carrying the delivery's id token when it was read. */
    private record Problems(String idToken) {
        WebhookRejected at(String path, String what) {
            return new WebhookRejected(400, path + ": " + what, idToken);
        }
    }
}
