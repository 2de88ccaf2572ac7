package io.audiencehub.connector;

import io.audiencehub.base.OwnerOnlyFiles;
import io.audiencehub.base.StartupRefusedException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Encrypts provider access tokens at rest with AES-256-GCM, from a key ring: the newest key encrypts,
 * every key of the ring decrypts, and each value names its key by an id (the first 4 bytes of the key's
 * SHA-256), so that a key can be rotated without a token becoming unreadable. The newest key is
 * {@code audiencehub.crypto.token-key} (base64 of 32 bytes), older ones
 * {@code audiencehub.crypto.previous-token-keys}; or else the lines of {@code token-key-file}, newest
 * first, generated there on first use, readable by the hub's user only. With neither, the product
 * refuses to start. {@link TokenReencryption} moves stored tokens to the newest key.
 */
@Component
class TokenCipher {

    private static final Logger log = LoggerFactory.getLogger(TokenCipher.class);
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int KEY_ID_BYTES = 4;
    /** Starts every value written with a key id; values written before have none (IV first). */
    private static final byte[] HEADER = {(byte) 0xAE, 0x01};
    private static final int PREFIX_BYTES = HEADER.length + KEY_ID_BYTES;

    /** The ring by key id, newest first. */
    private final Map<ByteBuffer, SecretKey> keys = new LinkedHashMap<>();
    private final byte[] newestId;
    private final SecureRandom random = new SecureRandom();

    TokenCipher(@Value("${audiencehub.crypto.token-key:}") String base64Key,
                @Value("${audiencehub.crypto.previous-token-keys:}") List<String> previousKeys,
                @Value("${audiencehub.crypto.token-key-file:}") String keyFile) {
        List<byte[]> ring = keyRing(base64Key, previousKeys, keyFile);
        for (byte[] key : ring) {
            keys.putIfAbsent(ByteBuffer.wrap(idOf(key)), new SecretKeySpec(key, "AES"));
        }
        this.newestId = idOf(ring.get(0));
    }

    byte[] encrypt(String plaintext) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(ByteBuffer.wrap(newestId)), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(newestId);
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(PREFIX_BYTES + IV_BYTES + sealed.length).put(HEADER).put(newestId).put(iv)
                    .put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot encrypt a token", e);
        }
    }

    String decrypt(byte[] stored) {
        SecretKey named = keyNamedBy(stored);
        if (named != null) {
            try {
                return open(named, stored, PREFIX_BYTES, Arrays.copyOfRange(stored, HEADER.length, PREFIX_BYTES));
            } catch (GeneralSecurityException e) {
                // a value from before key ids whose IV happens to start like a header: read below
            }
        }
        for (SecretKey key : keys.values()) {
            try {
                return open(key, stored, 0, null);
            } catch (GeneralSecurityException e) {
                // not this key
            }
        }
        throw new IllegalStateException("Cannot decrypt a stored token with any key of the ring: was its key removed"
                + " from audiencehub.crypto.previous-token-keys (or the token key file) too early?");
    }

    /** Whether the value was written with the newest key, so that re-encrypting it changes nothing. */
    boolean isUnderNewestKey(byte[] stored) {
        return hasKeyId(stored) && Arrays.equals(stored, HEADER.length, PREFIX_BYTES, newestId, 0, KEY_ID_BYTES);
    }

    /** How many keys the ring holds, the newest included. */
    int keyCount() {
        return keys.size();
    }

    private SecretKey keyNamedBy(byte[] stored) {
        return hasKeyId(stored) ? keys.get(ByteBuffer.wrap(Arrays.copyOfRange(stored, HEADER.length, PREFIX_BYTES)))
                : null;
    }

    private static boolean hasKeyId(byte[] stored) {
        return stored.length > PREFIX_BYTES && Arrays.equals(stored, 0, HEADER.length, HEADER, 0, HEADER.length);
    }

    private static String open(SecretKey key, byte[] stored, int from, byte[] keyId) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, stored, from, IV_BYTES));
        if (keyId != null) {
            cipher.updateAAD(keyId);
        }
        int sealedFrom = from + IV_BYTES;
        return new String(cipher.doFinal(stored, sealedFrom, stored.length - sealedFrom), StandardCharsets.UTF_8);
    }

    private static byte[] idOf(byte[] key) {
        try {
            return Arrays.copyOf(MessageDigest.getInstance("SHA-256").digest(key), KEY_ID_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<byte[]> keyRing(String base64Key, List<String> previousKeys, String keyFile) {
        List<byte[]> ring = new ArrayList<>();
        if (StringUtils.hasText(base64Key)) {
            ring.add(decode(base64Key, "audiencehub.crypto.token-key (AUDIENCEHUB_CRYPTO_TOKENKEY)"));
            for (String previous : previousKeys) {
                if (StringUtils.hasText(previous)) {
                    ring.add(decode(previous.strip(),
                            "audiencehub.crypto.previous-token-keys (AUDIENCEHUB_CRYPTO_PREVIOUSTOKENKEYS)"));
                }
            }
            return ring;
        }
        if (!StringUtils.hasText(keyFile)) {
            throw new StartupRefusedException("No key to encrypt provider access tokens with.",
                    "Set AUDIENCEHUB_CRYPTO_TOKENKEY to 32 random bytes in base64 (for example the output of"
                            + " 'openssl rand -base64 32'), and keep it: tokens stored with it cannot be read without it.");
        }
        Path file = Path.of(keyFile);
        try {
            if (Files.notExists(file)) {
                create(file);
            } else {
                OwnerOnlyFiles.tighten(file, "The token key file");
            }
            for (String line : Files.readAllLines(file)) {
                if (StringUtils.hasText(line)) {
                    ring.add(decode(line.strip(), file.toAbsolutePath().toString()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the token key file " + file.toAbsolutePath(), e);
        }
        if (ring.isEmpty()) {
            throw new StartupRefusedException("The token key file " + file.toAbsolutePath() + " holds no key.",
                    "Put a key made with 'openssl rand -base64 32' on its first line, or delete the file to have one made.");
        }
        return ring;
    }

    /** A new key in a new file that nobody but the hub's user could ever read, not even for an instant. */
    private static void create(Path file) throws IOException {
        byte[] generated = new byte[32];
        new SecureRandom().nextBytes(generated);
        OwnerOnlyFiles.create(file, Base64.getEncoder().encodeToString(generated) + "\n");
    }

    private static byte[] decode(String base64, String where) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            bytes = new byte[0];
        }
        if (bytes.length != 32) {
            throw new StartupRefusedException("A token key in " + where + " is not 32 bytes in base64.",
                    "Generate one with 'openssl rand -base64 32'.");
        }
        return bytes;
    }
}
