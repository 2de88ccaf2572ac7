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
 * about n²/2⁶⁵ (3·10⁻⁸ for a million ids). The format is this feature's own: other features hand
 * over ids and keep a {@link MemberBatch} as opaque bytes.
 */
final class MemberKeys {

    private final byte[] salt;
    private final ThreadLocal<MessageDigest> digests = ThreadLocal.withInitial(MemberKeys::sha256);

    MemberKeys(byte[] salt) {
        this.salt = salt.clone();
    }

    /** What an erasure leaves in the key's numbered slot of {@code audience_key_chunk}: its number stays taken. */
    static final long ERASED = 0L;

    long keyOf(String memberId) {
        MessageDigest digest = digests.get();
        digest.update(salt);
        long key = ByteBuffer.wrap(digest.digest(memberId.getBytes(StandardCharsets.UTF_8))).getLong();
        // ERASED marks an emptied slot of the stored key chunks, so no id may have it
        return key == ERASED ? 1 : key;
    }

    /** The keys of {@code first} then of {@code second}, in one array. */
    long[] keysOf(List<String> first, List<String> second) {
        long[] keys = new long[first.size() + second.size()];
        for (int i = 0; i < first.size(); i++) {
            keys[i] = keyOf(first.get(i));
        }
        for (int i = 0; i < second.size(); i++) {
            keys[first.size() + i] = keyOf(second.get(i));
        }
        return keys;
    }

    static byte[] encode(long[] keys) {
        ByteBuffer buffer = ByteBuffer.allocate(keys.length * Long.BYTES);
        buffer.asLongBuffer().put(keys);
        return buffer.array();
    }

    static long[] decode(byte[] bytes) {
        if (bytes.length % Long.BYTES != 0) {
            throw new IllegalArgumentException("stored member keys must be a whole number of 8-byte keys, not "
                    + bytes.length + " bytes");
        }
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
