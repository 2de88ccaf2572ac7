package io.audiencehub.connector;

import io.audiencehub.base.StartupRefusedException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Encrypts provider access tokens at rest with AES-256-GCM. The key comes from
 * {@code audiencehub.crypto.token-key} (base64 of 32 bytes), or else from {@code token-key-file},
 * generated there on first use; with neither, the product refuses to start.
 */
@Component
class TokenCipher {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();

    TokenCipher(@Value("${audiencehub.crypto.token-key:}") String base64Key,
                @Value("${audiencehub.crypto.token-key-file:}") String keyFile) {
        this.key = new SecretKeySpec(keyBytes(base64Key, keyFile), "AES");
    }

    byte[] encrypt(String plaintext) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot encrypt a token", e);
        }
    }

    String decrypt(byte[] stored) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, stored, 0, IV_BYTES));
            return new String(cipher.doFinal(stored, IV_BYTES, stored.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot decrypt a stored token: was the token key changed?", e);
        }
    }

    private static byte[] keyBytes(String base64Key, String keyFile) {
        if (StringUtils.hasText(base64Key)) {
            return decode(base64Key, "audiencehub.crypto.token-key (AUDIENCEHUB_CRYPTO_TOKENKEY)");
        }
        if (!StringUtils.hasText(keyFile)) {
            throw new StartupRefusedException("No key to encrypt provider access tokens with.",
                    "Set AUDIENCEHUB_CRYPTO_TOKENKEY to 32 random bytes in base64 (for example the output of"
                            + " 'openssl rand -base64 32'), and keep it: tokens stored with it cannot be read without it.");
        }
        Path file = Path.of(keyFile);
        try {
            if (Files.notExists(file)) {
                byte[] generated = new byte[32];
                new SecureRandom().nextBytes(generated);
                Files.createDirectories(file.toAbsolutePath().getParent());
                Files.writeString(file, Base64.getEncoder().encodeToString(generated));
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            }
            return decode(Files.readString(file).strip(), file.toAbsolutePath().toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the token key file " + file.toAbsolutePath(), e);
        }
    }

    private static byte[] decode(String base64, String where) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            bytes = new byte[0];
        }
        if (bytes.length != 32) {
            throw new StartupRefusedException("The token key in " + where + " is not 32 bytes in base64.",
                    "Generate one with 'openssl rand -base64 32'.");
        }
        return bytes;
    }
}
