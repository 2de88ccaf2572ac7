package io.audiencehub.sync;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import java.io.IOException;
import java.util.List;

/**
 * A {@code segment.users.sync} body as Jackson reads it (snake_case names). The envelope is read
 * first and {@code data} kept as tokens, so that an unsupported {@code action_type} is answered 405
 * whatever the data holds, as Heap's reference receiver does.
 */
record WebhookBody(JsonNode idToken, JsonNode actionType, TokenBuffer data) {

    record Data(Segment segment, SyncInfo syncInfo, List<Member> add, List<Member> remove) {
    }

    record Segment(Long id, String name) {
    }

    record SyncInfo(Long pageNumber, Long totalPages, String syncTaskId) {
    }

    record Member(@JsonDeserialize(using = MemberIdDeserializer.class) String id) {
    }

    /** Heap sends a member id as a string or as an integer; both are kept as text. */
    static final class MemberIdDeserializer extends JsonDeserializer<String> {

        static final String EXPECTED = "must be a string or an integer";

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            JsonToken token = parser.currentToken();
            if (token == JsonToken.VALUE_STRING || token == JsonToken.VALUE_NUMBER_INT) {
                return parser.getText();
            }
            return context.reportInputMismatch(String.class, EXPECTED);
        }
    }
}
