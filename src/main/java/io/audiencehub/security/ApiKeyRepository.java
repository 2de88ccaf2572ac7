package io.audiencehub.security;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class ApiKeyRepository {

    private static final String COLUMNS = "id, name, prefix, scopes, created_by, created_at, revoked_at";

    private final JdbcClient jdbc;

    ApiKeyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static final RowMapper<ApiKey> KEY = (row, number) -> new ApiKey(row.getLong("id"), row.getString("name"),
            row.getString("prefix"), ApiKeyScope.fromStored(row.getString("scopes")), row.getString("created_by"),
            row.getTimestamp("created_at").toInstant(),
            row.getTimestamp("revoked_at") == null ? null : row.getTimestamp("revoked_at").toInstant());

    long insert(String name, String prefix, Set<ApiKeyScope> scopes, String keySha256, String by, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO api_key (name, prefix, scopes, key_sha256, created_by, created_at)
                        VALUES (:name, :prefix, :scopes, :hash, :by, :now)
                        """)
                .param("name", name).param("prefix", prefix).param("scopes", ApiKeyScope.stored(scopes)).param("hash", keySha256).param("by", by)
                .param("now", now)
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    int revoke(long id, String by, Instant now) {
        return jdbc.sql("UPDATE api_key SET revoked_by = :by, revoked_at = :now WHERE id = :id AND revoked_at IS NULL")
                .param("id", id).param("by", by).param("now", now).update();
    }

    Optional<ApiKey> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM api_key WHERE id = :id").param("id", id)
                .query(KEY).optional();
    }

    Optional<ApiKey> activeByHash(String keySha256) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM api_key WHERE key_sha256 = :hash AND revoked_at IS NULL")
                .param("hash", keySha256).query(KEY).optional();
    }

    List<ApiKey> page(int offset, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM api_key ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset")
                .param("limit", limit).param("offset", offset).query(KEY).list();
    }

    void recordWrite(long keyId, String actor, String method, String path, int status, Instant at) {
        jdbc.sql("""
                        INSERT INTO api_key_write (key_id, actor, method, path, status, at)
                        VALUES (:keyId, :actor, :method, :path, :status, :at)
                        """)
                .param("keyId", keyId).param("actor", actor).param("method", method)
                .param("path", path.length() > 500 ? path.substring(0, 500) : path).param("status", status)
                .param("at", at).update();
    }

    List<ApiKeyWrite> writes(int offset, int limit) {
        return jdbc.sql("SELECT actor, method, path, status, at FROM api_key_write ORDER BY at DESC, id DESC"
                        + " LIMIT :limit OFFSET :offset")
                .param("limit", limit).param("offset", offset).query(ApiKeyWrite.class).list();
    }

    int count() {
        return jdbc.sql("SELECT COUNT(*) FROM api_key").query(Integer.class).single();
    }
}
