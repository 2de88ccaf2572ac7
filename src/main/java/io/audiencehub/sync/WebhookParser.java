package io.audiencehub.sync;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Reads a {@code segment.users.sync} body as a stream, never as a tree, within limits on nesting and
 * id length. The first invalid field is reported by its JSON path ({@code $.data.add[3].id}); an
 * unsupported {@code action_type} wins over field problems, as Heap's reference receiver answers 405.
 */
@Component
class WebhookParser {

    static final String SYNC_ACTION = "segment.users.sync";
    private static final int MAX_TEXT = 255;

    private final JsonFactory json;
    private final int maxIdLength;

    WebhookParser(SyncProperties settings) {
        this.maxIdLength = settings.maxIdLength();
        this.json = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(settings.maxNestingDepth())
                        .build())
                .build();
    }

    SegmentSyncPage parse(byte[] body) {
        Reading reading = new Reading();
        try (JsonParser parser = json.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new WebhookRejected(400, "$: the body must be a JSON object.");
            }
            reading.root(parser);
            if (parser.nextToken() != null) {
                throw new WebhookRejected(400, "$: unexpected content after the JSON object.", reading.idToken);
            }
        } catch (StreamConstraintsException e) {
            throw new WebhookRejected(400, "The body is nested deeper than allowed: " + e.getOriginalMessage(),
                    reading.idToken);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new WebhookRejected(400, "$: the body is not valid JSON" + where + ": " + e.getOriginalMessage(),
                    reading.idToken);
        } catch (IOException e) {
            throw new UncheckedIOException("reading from memory cannot fail", e);
        }
        return reading.result();
    }

    /** The state of one parse: what was read so far and the first problem found. */
    private final class Reading {
        private String idToken;
        private String actionType;
        private boolean sawData;
        private Long segmentId;
        private String segmentName;
        private String syncTaskId;
        private Integer pageNumber;
        private Integer totalPages;
        private final List<String> add = new ArrayList<>();
        private final List<String> remove = new ArrayList<>();
        private String problem;

        private void problem(String path, String what) {
            if (problem == null) {
                problem = path + ": " + what;
            }
        }

        void root(JsonParser parser) throws IOException {
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (field) {
                    case "id_token" -> idToken = text(parser, value, "$.id_token", MAX_TEXT);
                    case "action_type" -> actionType = text(parser, value, "$.action_type", MAX_TEXT);
                    case "data" -> data(parser, value);
                    default -> parser.skipChildren();
                }
            }
        }

        private void data(JsonParser parser, JsonToken value) throws IOException {
            sawData = true;
            if (value != JsonToken.START_OBJECT) {
                problem("$.data", "must be an object");
                parser.skipChildren();
                return;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken token = parser.nextToken();
                switch (field) {
                    case "segment" -> segment(parser, token);
                    case "sync_info" -> syncInfo(parser, token);
                    case "add" -> ids(parser, token, "$.data.add", add);
                    case "remove" -> ids(parser, token, "$.data.remove", remove);
                    default -> parser.skipChildren();
                }
            }
        }

        private void segment(JsonParser parser, JsonToken value) throws IOException {
            if (!object(parser, value, "$.data.segment")) {
                return;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken token = parser.nextToken();
                switch (field) {
                    case "id" -> segmentId = integer(parser, token, "$.data.segment.id", Long.MAX_VALUE);
                    case "name" -> segmentName = text(parser, token, "$.data.segment.name", MAX_TEXT);
                    default -> parser.skipChildren();
                }
            }
        }

        private void syncInfo(JsonParser parser, JsonToken value) throws IOException {
            if (!object(parser, value, "$.data.sync_info")) {
                return;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken token = parser.nextToken();
                switch (field) {
                    case "page_number" -> pageNumber = toInt(integer(parser, token, "$.data.sync_info.page_number",
                            Integer.MAX_VALUE));
                    case "total_pages" -> totalPages = toInt(integer(parser, token, "$.data.sync_info.total_pages",
                            Integer.MAX_VALUE));
                    case "sync_task_id" -> syncTaskId = text(parser, token, "$.data.sync_info.sync_task_id", MAX_TEXT);
                    default -> parser.skipChildren();
                }
            }
        }

        private void ids(JsonParser parser, JsonToken value, String path, List<String> into) throws IOException {
            if (value == JsonToken.VALUE_NULL) {
                return;
            }
            if (value != JsonToken.START_ARRAY) {
                problem(path, "must be an array of {\"id\": ...} objects");
                parser.skipChildren();
                return;
            }
            int index = 0;
            for (JsonToken item = parser.nextToken(); item != JsonToken.END_ARRAY; item = parser.nextToken(), index++) {
                String itemPath = path + "[" + index + "]";
                if (!object(parser, item, itemPath)) {
                    continue;
                }
                String id = null;
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String field = parser.currentName();
                    JsonToken token = parser.nextToken();
                    if (field.equals("id")) {
                        id = memberId(parser, token, itemPath + ".id");
                    } else {
                        parser.skipChildren();
                    }
                }
                if (id != null) {
                    into.add(id);
                } else {
                    problem(itemPath + ".id", "is missing");
                }
            }
        }

        private String memberId(JsonParser parser, JsonToken token, String path) throws IOException {
            String id = switch (token) {
                case VALUE_STRING -> parser.getText();
                case VALUE_NUMBER_INT -> parser.getText();
                default -> {
                    parser.skipChildren();
                    problem(path, "must be a string or an integer");
                    yield "";
                }
            };
            if (id.isEmpty() && token == JsonToken.VALUE_STRING) {
                problem(path, "must not be empty");
            } else if (id.length() > maxIdLength) {
                problem(path, "is " + id.length() + " characters long; at most " + maxIdLength + " are accepted");
            }
            return id;
        }

        private boolean object(JsonParser parser, JsonToken value, String path) throws IOException {
            if (value == JsonToken.START_OBJECT) {
                return true;
            }
            problem(path, "must be an object");
            parser.skipChildren();
            return false;
        }

        private String text(JsonParser parser, JsonToken value, String path, int maxLength) throws IOException {
            if (value != JsonToken.VALUE_STRING) {
                problem(path, "must be a string");
                parser.skipChildren();
                return null;
            }
            String text = parser.getText();
            if (text.isBlank()) {
                problem(path, "must not be empty");
            } else if (text.length() > maxLength) {
                problem(path, "has " + text.length() + " characters; at most " + maxLength + " are accepted");
            }
            return text;
        }

        private Long integer(JsonParser parser, JsonToken value, String path, long max) throws IOException {
            if (value != JsonToken.VALUE_NUMBER_INT) {
                problem(path, "must be an integer");
                parser.skipChildren();
                return null;
            }
            if (parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER || parser.getLongValue() > max
                    || parser.getLongValue() < 0) {
                problem(path, "must be an integer between 0 and " + max);
                return null;
            }
            return parser.getLongValue();
        }

        private Integer toInt(Long value) {
            return value == null ? null : value.intValue();
        }

        SegmentSyncPage result() {
            if (actionType == null) {
                throw new WebhookRejected(400, problem != null && problem.startsWith("$.action_type") ? problem
                        : "$.action_type: is missing", idToken);
            }
            if (!actionType.equals(SYNC_ACTION)) {
                throw new WebhookRejected(405, "$.action_type: \"" + actionType + "\" is not supported; this"
                        + " receiver handles \"" + SYNC_ACTION + "\" only.", idToken);
            }
            require(idToken, "$.id_token");
            if (!sawData) {
                problem("$.data", "is missing");
            }
            require(segmentId, "$.data.segment.id");
            require(segmentName, "$.data.segment.name");
            require(syncTaskId, "$.data.sync_info.sync_task_id");
            require(pageNumber, "$.data.sync_info.page_number");
            require(totalPages, "$.data.sync_info.total_pages");
            if (problem == null && pageNumber < 1) {
                problem("$.data.sync_info.page_number", "must be 1 or more");
            }
            if (problem == null && pageNumber > totalPages) {
                problem("$.data.sync_info.page_number", "is " + pageNumber + ", beyond total_pages " + totalPages);
            }
            if (problem != null) {
                throw new WebhookRejected(400, problem, idToken);
            }
            return new SegmentSyncPage(idToken, segmentId, segmentName, syncTaskId, pageNumber, totalPages,
                    Collections.unmodifiableList(add), Collections.unmodifiableList(remove));
        }

        private void require(Object value, String path) {
            if (value == null) {
                problem(path, "is missing");
            }
        }
    }
}
