package io.audiencehub.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.util.unit.DataSize;

/** Reading a segment.users.sync body into one page, and every refusal named by its JSON path. */
class SyncPageReaderTest {

    private static final String VALID = """
            {"id_token":"tok","action_type":"segment.users.sync","customer_config":{"fields":[]},
             "data":{"segment":{"id":42,"name":"Free Customers"},
                     "sync_info":{"page_number":1,"total_pages":2,"sync_task_id":"task-1"},
                     "add":[{"id":"a"},{"id":7,"extra":[1,2]}],"remove":[{"id":"b"}]}}""";

    private final SyncPageReader reader = new SyncPageReader(new SyncProperties("s", null,
            DataSize.ofKilobytes(4), 16, 8, Duration.ofSeconds(1), Duration.ofMinutes(30), Duration.ofHours(5), 4, 2,
            Duration.ofSeconds(10)));

    @Test
    void aValidBodyBecomesOnePageWithIntegerIdsAsTextAndUnknownFieldsIgnored() {
        SyncPage page = read(VALID);

        assertThat(page).isEqualTo(new SyncPage("42", "Free Customers", "task-1", 1, 2, List.of("a", "7"), List.of("b")));
    }

    @Test
    void missingOrNullMemberListsAreEmpty() {
        assertThat(read(VALID.replace(",\"remove\":[{\"id\":\"b\"}]", "")).remove()).isEmpty();
        assertThat(read(VALID.replace("[{\"id\":\"b\"}]", "null")).remove()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "\"id\":7,|\"id\":[7],|$.data.add[1].id: must be a string or an integer",
            "\"id\":7,|\"id\":7.5,|$.data.add[1].id: must be a string or an integer",
            "\"sync_task_id\":\"task-1\"|\"sync_task_id\":true|$.data.sync_info.sync_task_id: must be a string",
            "\"page_number\":1|\"page_number\":1.0|$.data.sync_info.page_number: must be an integer",
            "\"page_number\":1|\"page_number\":-1|$.data.sync_info.page_number: must be an integer between 0 and",
            "\"total_pages\":2|\"total_pages\":\"2\"|$.data.sync_info.total_pages: must be an integer",
            "\"segment\":{|\"segment\":[],\"x\":{|$.data.segment: must be an object",
            "\"remove\":[{\"id\":\"b\"}]|\"remove\":[null]|$.data.remove[0]: must be an object",
            "\"id\":\"a\"|\"id\":\"abcdefghijklmnopq\"|$.data.add[0].id: is 17 characters long; at most 16",
            "\"id_token\":\"tok\"|\"id_token\":5|$.id_token: must be a string",
            "\"id_token\":\"tok\",|\"id_token\":\"tok\",\"id_token\":\"again\",|Duplicate field 'id_token'",
            "\"add\":[|\"add\":[],\"add\":[|Duplicate field 'add'",
            "\"id\":42,|\"id\":42,\"id\":43,|Duplicate field 'id'",
            "\"customer_config\":{|\"deep\":[[[[[[[[[[]]]]]]]]]],\"customer_config\":{|nested deeper"})
    void whatJacksonRefusesIsNamedByItsPath(String valid, String invalid, String message) {
        assertThat(VALID).contains(valid);
        assertRefused(VALID.replace(valid, invalid), 400, message);
    }

    @Test
    void anUnsupportedActionIsAMethodNotAllowedWhateverTheDataHolds() {
        String drain = VALID.replace("segment.users.sync", "segment.users.drain").replace("\"id\":42", "\"id\":\"x\"");
        assertRefused(drain, 405, "\"segment.users.drain\" is not supported");
        assertRefused(VALID.replace("\"action_type\":\"segment.users.sync\",", ""), 400, "$.action_type: is missing");
    }

    @Test
    void whatIsNotAJsonObjectIsNamedAsSuch() {
        assertRefused("[]", 400, "$: the body must be a JSON object.");
        assertRefused("null", 400, "$: the body must be a JSON object.");
        assertRefused(VALID + " {}", 400, "$: unexpected content after the JSON object.");
        assertRefused(VALID.substring(0, 40), 400, "$: the body is not valid JSON at line");
    }

    @Test
    void aRefusalAfterTheIdTokenWasReadCarriesIt() {
        assertThatThrownBy(() -> read(VALID.replace("\"name\":\"Free Customers\"", "\"name\":\"\"")))
                .isInstanceOfSatisfying(WebhookRejected.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("$.data.segment.name: must not be empty");
                    assertThat(e.idToken()).isEqualTo("tok");
                });
    }

    @Test
    void aBodyOverTheLimitIsRefusedByItsDeclaredLengthOrWhileItIsRead() throws Exception {
        assertThatThrownBy(() -> reader.body(request(new byte[10], 5_000)))
                .isInstanceOfSatisfying(WebhookRejected.class, e -> assertThat(e.status()).isEqualTo(413))
                .hasMessageContaining("audiencehub.sync.max-body-size");
        assertThatThrownBy(() -> reader.body(request(new byte[5_000], -1)))
                .isInstanceOfSatisfying(WebhookRejected.class, e -> assertThat(e.status()).isEqualTo(413));
        assertThat(reader.body(request(new byte[4_096], -1))).hasSize(4_096);
    }

    /** A request whose body is {@code content} and whose Content-Length says {@code declared} (-1: none). */
    private static MockHttpServletRequest request(byte[] content, long declared) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/") {
            @Override
            public long getContentLengthLong() {
                return declared;
            }
        };
        request.setContent(content);
        return request;
    }

    private SyncPage read(String body) {
        DeliveredPage delivered = reader.page(body.getBytes(StandardCharsets.UTF_8));
        assertThat(delivered.idToken()).isEqualTo("tok");
        return delivered.page();
    }

    private void assertRefused(String body, int status, String message) {
        assertThatThrownBy(() -> read(body)).isInstanceOfSatisfying(WebhookRejected.class,
                e -> assertThat(e.status()).as(e.getMessage()).isEqualTo(status)).hasMessageContaining(message);
    }
}
