package io.audiencehub.sandbox.heap;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class SandboxOAuthRepository {

    record IssuedCode(String code, long environmentId, String clientId, String redirectUri, String codeChallenge,
                      Instant createdAt, Instant usedAt) {
    }

    private final JdbcClient jdbc;

    SandboxOAuthRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<SandboxEnvironment> environments() {
        return jdbc.sql("SELECT id, id_token, name FROM sandbox_heap_environment ORDER BY name")
                .query(SandboxEnvironment.class)
                .list();
    }

    /** The environment an access token was granted for last: the one a partner app connected most recently. */
    Optional<SandboxEnvironment> lastGranted() {
        return jdbc.sql("""
                        SELECT e.id, e.id_token, e.name
                        FROM sandbox_heap_environment e
                        JOIN sandbox_heap_access_token t ON t.environment_id = e.id
                        ORDER BY t.created_at DESC, t.environment_id DESC
                        LIMIT 1
                        """)
                .query(SandboxEnvironment.class)
                .optional();
    }

    Optional<SandboxEnvironment> environment(long id) {
        return jdbc.sql("SELECT id, id_token, name FROM sandbox_heap_environment WHERE id = :id")
                .param("id", id)
                .query(SandboxEnvironment.class)
                .optional();
    }

    long insertEnvironment(String idToken, String name) {
        jdbc.sql("INSERT INTO sandbox_heap_environment (id_token, name) VALUES (:idToken, :name)")
                .param("idToken", idToken)
                .param("name", name)
                .update();
        return jdbc.sql("SELECT id FROM sandbox_heap_environment WHERE id_token = :idToken")
                .param("idToken", idToken)
                .query(Long.class)
                .single();
    }

    void insertCode(IssuedCode code) {
        jdbc.sql("""
                        INSERT INTO sandbox_heap_authorization_code
                            (code, environment_id, client_id, redirect_uri, code_challenge, created_at)
                        VALUES (:code, :environmentId, :clientId, :redirectUri, :codeChallenge, :createdAt)
                        """)
                .paramSource(code)
                .update();
    }

    /** Locks the code until the transaction ends, so it is redeemed once. */
    Optional<IssuedCode> lockCode(String code) {
        return jdbc.sql("""
                        SELECT code, environment_id, client_id, redirect_uri, code_challenge, created_at, used_at
                        FROM sandbox_heap_authorization_code
                        WHERE code = :code
                        FOR UPDATE
                        """)
                .param("code", code)
                .query(IssuedCode.class)
                .optional();
    }

    void markUsed(String code, Instant now) {
        jdbc.sql("UPDATE sandbox_heap_authorization_code SET used_at = :now WHERE code = :code")
                .param("code", code)
                .param("now", now)
                .update();
    }

    void insertToken(String tokenSha256, long environmentId, String clientId, Instant now) {
        jdbc.sql("""
                        INSERT INTO sandbox_heap_access_token (token_sha256, environment_id, client_id, created_at)
                        VALUES (:hash, :environmentId, :clientId, :now)
                        """)
                .param("hash", tokenSha256)
                .param("environmentId", environmentId)
                .param("clientId", clientId)
                .param("now", now)
                .update();
    }

    Optional<SandboxEnvironment> environmentOfToken(String tokenSha256) {
        return jdbc.sql("""
                        SELECT e.id, e.id_token, e.name
                        FROM sandbox_heap_access_token t
                        JOIN sandbox_heap_environment e ON e.id = t.environment_id
                        WHERE t.token_sha256 = :hash
                        """)
                .param("hash", tokenSha256)
                .query(SandboxEnvironment.class)
                .optional();
    }
}
