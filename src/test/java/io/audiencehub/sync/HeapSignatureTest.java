package io.audiencehub.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** Heap-Hash as Heap's reference receiver checks it, on a fixed clock. */
class HeapSignatureTest {

    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
    private static final byte[] BODY = "{\"action_type\":\"segment.users.sync\"}".getBytes(StandardCharsets.UTF_8);

    private final HeapSignature signature = signature("current", "previous");

    @Test
    void aBodySignedWithTheCurrentOrThePreviousSecretWithinTheWindowPasses() {
        assertThatCode(() -> verify(signature, header("current", NOW.toEpochMilli()), BODY)).doesNotThrowAnyException();
        assertThatCode(() -> verify(signature, header("previous", NOW.toEpochMilli() - 59_000), BODY))
                .doesNotThrowAnyException();
        assertThatCode(() -> verify(signature, " " + header("current", NOW.toEpochMilli() + 1_000) + " ", BODY))
                .doesNotThrowAnyException();
    }

    @Test
    void theWindowIsSixtySecondsBackAndOneSecondAhead() {
        assertRefused(header("current", NOW.toEpochMilli() - 60_001), 400, "more than 60 s old");
        assertRefused(header("current", NOW.toEpochMilli() + 1_001), 400, "in the future");
    }

    @Test
    void aMissingOrMalformedHeaderIsABadRequest() {
        assertRefused(null, 400, "missing");
        assertRefused("  ", 400, "missing");
        assertRefused("hmac:AAAA,ts:1", 400, "malformed");
        assertRefused("ts:" + NOW.toEpochMilli() + ",hmac:", 400, "malformed");
        assertRefused("ts:" + NOW.toEpochMilli() + ",hmac:A", 400, "not valid base64");
    }

    @Test
    void anotherSecretOrAnAlteredBodyIsForbidden() {
        assertRefused(header("someone else's", NOW.toEpochMilli()), 403, "does not match");
        String header = header("current", NOW.toEpochMilli());
        assertThatThrownBy(() -> verify(signature, header, "{}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(WebhookRejected.class, e -> assertThat(e.status()).isEqualTo(403));
    }

    @Test
    void withoutAConfiguredSecretEveryDeliveryIsForbiddenAndTheMessageSaysWhatToSet() {
        assertThatThrownBy(() -> verify(signature("", null), header("current", NOW.toEpochMilli()), BODY))
                .isInstanceOf(WebhookRejected.class).hasMessageContaining("AUDIENCEHUB_SYNC_WEBHOOKSECRET");
    }

    private void assertRefused(String header, int status, String message) {
        assertThatThrownBy(() -> verify(signature, header, BODY))
                .isInstanceOfSatisfying(WebhookRejected.class, e -> assertThat(e.status()).isEqualTo(status))
                .hasMessageContaining(message);
    }

    private static String header(String secret, long timestamp) {
        byte[] hmac = WebhookSignature.hmac(secret.getBytes(StandardCharsets.UTF_8), Long.toString(timestamp), BODY);
        return "ts:" + timestamp + ",hmac:" + Base64.getEncoder().encodeToString(hmac);
    }

    private static HeapSignature signature(String secret, String previous) {
        return new HeapSignature(new SyncProperties(secret, previous, DataSize.ofMegabytes(1), 256, 32,
                Duration.ofSeconds(1), Duration.ofMinutes(30), Duration.ofHours(5), 4, 2, Duration.ofSeconds(10)),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    /** The receiver's two steps: the header before the body is read, then the body against it. */
    private static void verify(HeapSignature signature, String header, byte[] body) {
        signature.verify(signature.header(header), body);
    }
}
