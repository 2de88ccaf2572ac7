package io.audiencehub.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The token key ring: the newest key writes, every key reads, and the key file is private from its first byte. */
class TokenCipherTest {

    private static final String OLD = newKey();
    private static final String NEW = newKey();

    @TempDir
    Path folder;

    @Test
    void afterARotationOldValuesStillReadAndNewOnesUseTheNewestKey() {
        TokenCipher before = new TokenCipher(OLD, List.of(), "");
        byte[] stored = before.encrypt("heap-access-token");

        TokenCipher rotated = new TokenCipher(NEW, List.of(OLD), "");
        assertThat(rotated.decrypt(stored)).isEqualTo("heap-access-token");
        assertThat(rotated.isUnderNewestKey(stored)).isFalse();
        byte[] rewritten = rotated.encrypt(rotated.decrypt(stored));
        assertThat(rotated.isUnderNewestKey(rewritten)).isTrue();

        TokenCipher oldKeyDropped = new TokenCipher(NEW, List.of(), "");
        assertThat(oldKeyDropped.decrypt(rewritten)).isEqualTo("heap-access-token");
        assertThatThrownBy(() -> oldKeyDropped.decrypt(stored)).hasMessageContaining("any key of the ring");
    }

    @Test
    void aValueWrittenBeforeKeyIdsExistedIsStillRead() throws Exception {
        byte[] iv = new byte[12];
        new SecureRandom().nextBytes(iv);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(Base64.getDecoder().decode(OLD), "AES"),
                new GCMParameterSpec(128, iv));
        byte[] sealed = cipher.doFinal("legacy-token".getBytes(StandardCharsets.UTF_8));
        byte[] legacy = ByteBuffer.allocate(12 + sealed.length).put(iv).put(sealed).array();

        TokenCipher ring = new TokenCipher(NEW, List.of(OLD), "");

        assertThat(ring.decrypt(legacy)).isEqualTo("legacy-token");
        assertThat(ring.isUnderNewestKey(legacy)).isFalse();
    }

    @Test
    void theKeyFileIsCreatedOwnerOnlyAndItsLinesAreTheRingNewestFirst() throws Exception {
        Path file = folder.resolve("data/token.key");
        TokenCipher generated = new TokenCipher("", List.of(), file.toString());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        byte[] stored = generated.encrypt("secret");

        String first = Files.readString(file).strip();
        Files.writeString(file, NEW + "\n" + first + "\n");
        TokenCipher rotated = new TokenCipher("", List.of(), file.toString());

        assertThat(rotated.keyCount()).isEqualTo(2);
        assertThat(rotated.decrypt(stored)).isEqualTo("secret");
        assertThat(new TokenCipher(NEW, List.of(), "").decrypt(rotated.encrypt("secret"))).isEqualTo("secret");
    }

    @Test
    void aKeyFileOthersCouldReadIsMadeOwnerOnly() throws Exception {
        Path file = Files.writeString(folder.resolve("token.key"), OLD);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        new TokenCipher("", List.of(), file.toString());

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    private static String newKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
