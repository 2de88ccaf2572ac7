package io.audiencehub.audience;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * Turns a member id (a visitor id as the provider sends it) into the 64-bit key audiences store:
 * the first 8 bytes of SHA-256(installation salt + id). The salt keeps keys unpredictable, so nobody
 * can craft an id that collides with another; among n distinct ids two share a key with probability
 * about n²/2⁶⁵ (3·10⁻⁸ for a million ids).
 */
public final class MemberKeys {

    private final byte[] salt;
    private final ThreadLocal<MessageDigest> digests = ThreadLocal.withInitial(MemberKeys::sha256);

    MemberKeys(byte[] salt) {
        this.salt = salt.clone();
    }

    public long keyOf(String memberId) {
        MessageDigest digest = digests.get();
        digest.update(salt);
        return ByteBuffer.wrap(digest.digest(memberId.getBytes(StandardCharsets.UTF_8))).getLong();
    }

    public long[] keysOf(List<String> memberIds) {
        long[] keys = new long[memberIds.size()];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = keyOf(memberIds.get(i));
        }
        return keys;
    }

    public static byte[] encode(long[] keys) {
        ByteBuffer buffer = ByteBuffer.allocate(keys.length * Long.BYTES);
        buffer.asLongBuffer().put(keys);
        return buffer.array();
    }

    public static long[] decode(byte[] bytes) {
        long[] keys = new long[bytes.length / Long.BYTES];
        ByteBuffer.wrap(bytes).asLongBuffer().get(keys);
        return keys;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
