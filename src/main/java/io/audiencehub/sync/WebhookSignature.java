package io.audiencehub.sync;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import org.apache.commons.codec.digest.HmacAlgorithms;
import org.apache.commons.codec.digest.HmacUtils;

/**
 * Checks a delivery's signature header, {@code ts:<unix millis>,hmac:<base64 HMAC-SHA256(secret, ts + body)>},
 * as Heap's reference receiver does: a missing or malformed header or a timestamp older than 60 s or more
 * than 1 s ahead is a 400, a signature matching none of the secrets a 403. Heap's deliveries carry it as
 * {@code Heap-Hash}, a custom source's as {@code Audience-Hub-Signature}.
 */
final class WebhookSignature {

    private static final Pattern FORMAT = Pattern.compile("ts:(\\d{1,15}),hmac:([A-Za-z0-9+/]+={0,2})");
    private static final long MAX_AGE_MILLIS = 60_000;
    private static final long MAX_AHEAD_MILLIS = 1_000;

    private final String header;
    private final String sender;
    private final String mismatchHint;
    private final Clock clock;

    /**
     * @param sender who signs, as refusals name it ("Heap")
     * @param mismatchHint what to check when a signature matches no secret
     */
    WebhookSignature(String header, String sender, String mismatchHint, Clock clock) {
        this.header = header;
        this.sender = sender;
        this.mismatchHint = mismatchHint;
        this.clock = clock;
    }

    /** The header's timestamp and signature, checked for form and age before the body is read. */
    record Signed(String timestamp, byte[] hmac) {
    }

    /** Checks the header alone, without reading the body. */
    Signed read(String value) {
        if (value == null || value.isBlank()) {
            throw new WebhookRejected(400, "The " + header + " header is missing. " + sender + " signs every delivery;"
                    + " check that requests come from " + sender + ".");
        }
        Matcher parts = FORMAT.matcher(value.strip());
        if (!parts.matches()) {
            throw new WebhookRejected(400, "The " + header + " header is malformed: expected ts:<unix millis>,hmac:<base64>.");
        }
        long timestamp = Long.parseLong(parts.group(1));
        long now = clock.millis();
        if (timestamp < now - MAX_AGE_MILLIS) {
            throw new WebhookRejected(400, "The " + header + " timestamp is more than 60 s old: a replayed or"
                    + " delayed delivery, or a clock out of sync.");
        }
        if (timestamp > now + MAX_AHEAD_MILLIS) {
            throw new WebhookRejected(400, "The " + header + " timestamp is more than 1 s in the future: check the"
                    + " sender's clock.");
        }
        try {
            return new Signed(parts.group(1), Base64.getDecoder().decode(parts.group(2)));
        } catch (IllegalArgumentException e) {
            throw new WebhookRejected(400, "The " + header + " hmac is not valid base64.");
        }
    }

    /** Checks that the body is what the header signed with one of the secrets; a 403 otherwise. */
    void verify(Signed signed, byte[] body, List<byte[]> secrets) {
        boolean matched = false;
        for (byte[] secret : secrets) {
            // every secret is tried, so timing does not tell which one matched
            matched |= MessageDigest.isEqual(hmac(secret, signed.timestamp(), body), signed.hmac());
        }
        if (!matched) {
            throw new WebhookRejected(403, "The signature does not match: the delivery was altered, or "
                    + mismatchHint + ".");
        }
    }

    /** HMAC-SHA256 of the timestamp followed by the body, as Heap signs: no copy of the body is made. */
    static byte[] hmac(byte[] secret, String timestamp, byte[] body) {
        Mac mac = HmacUtils.getInitializedMac(HmacAlgorithms.HMAC_SHA_256, secret);
        mac.update(timestamp.getBytes(StandardCharsets.US_ASCII));
        return mac.doFinal(body);
    }
}
