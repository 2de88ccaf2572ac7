package io.audiencehub.connector;

import static org.assertj.core.api.Assertions.assertThat;

import io.audiencehub.IntegrationTest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;

/** After a rotation every stored token moves to the newest key, and the old key can leave the ring. */
@WithMockUser(username = "admin", roles = "ADMIN")
class TokenReencryptionTest extends IntegrationTest {

    @Autowired
    ConnectorService connectors;
    @Autowired
    ConnectorRepository repository;
    @Autowired
    JdbcClient jdbc;

    @Test
    void tokensStoredUnderTheOldKeyAreReencryptedAndReadWithTheNewKeyAlone() throws Exception {
        NewCustomSource source = customSources.create("Rotation " + UUID.randomUUID().toString().substring(0, 8));
        String current = Files.readString(Path.of("target/test-token.key")).lines().findFirst().orElseThrow().strip();
        String next = newKey();
        TokenCipher rotated = new TokenCipher(next, List.of(current), "");
        TokenReencryption reencryption = new TokenReencryption(repository, rotated, new SimpleMeterRegistry());

        try {
            assertThat(reencryption.reencrypt()).isPositive();

            byte[] stored = jdbc.sql("SELECT access_token FROM connector WHERE id = :id")
                    .param("id", source.connector().id()).query(byte[].class).single();
            assertThat(rotated.isUnderNewestKey(stored)).isTrue();
            assertThat(new TokenCipher(next, List.of(), "").decrypt(stored)).isEqualTo(source.signingSecret());
            assertThat(reencryption.reencrypt()).as("nothing left to move").isZero();
        } finally {
            // the other tests' hub still runs on the current key
            new TokenReencryption(repository, new TokenCipher(current, List.of(next), ""), new SimpleMeterRegistry())
                    .reencrypt();
        }
    }

    private static String newKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
