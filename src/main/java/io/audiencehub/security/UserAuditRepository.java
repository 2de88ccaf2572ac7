package io.audiencehub.security;

import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class UserAuditRepository {

    private final JdbcClient jdbc;

    UserAuditRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void append(String username, String action, String actor, Instant at, String detail) {
        jdbc.sql("""
                        INSERT INTO user_audit (username, action, actor, at, detail)
                        VALUES (:username, :action, :actor, :at, :detail)
                        """)
                .param("username", username)
                .param("action", action)
                .param("actor", actor)
                .param("at", at)
                .param("detail", detail)
                .update();
    }

    List<UserAuditEntry> page(int offset, int limit) {
        return jdbc.sql("""
                        SELECT username, action, actor, at, detail
                        FROM user_audit
                        ORDER BY at DESC, id DESC
                        LIMIT :limit OFFSET :offset
                        """)
                .param("limit", limit)
                .param("offset", offset)
                .query(UserAuditEntry.class)
                .list();
    }
}
