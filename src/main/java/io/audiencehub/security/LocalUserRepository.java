package io.audiencehub.security;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class LocalUserRepository {

    record Credentials(String username, String passwordHash, Role role) {
    }

    private final JdbcClient jdbc;

    LocalUserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Credentials> findCredentials(String username) {
        return jdbc.sql("""
                        SELECT username, password_hash, role
                        FROM app_user
                        WHERE username = :username
                        """)
                .param("username", username)
                .query(Credentials.class)
                .optional();
    }

    List<LocalUser> page(int offset, int limit) {
        return jdbc.sql("""
                        SELECT username, display_name, role, created_at
                        FROM app_user
                        ORDER BY username
                        LIMIT :limit OFFSET :offset
                        """)
                .param("limit", limit)
                .param("offset", offset)
                .query(LocalUser.class)
                .list();
    }

    boolean exists(String username) {
        return jdbc.sql("SELECT COUNT(*) FROM app_user WHERE username = :username")
                .param("username", username)
                .query(Integer.class)
                .single() > 0;
    }

    void insert(String username, String displayName, String passwordHash, Role role) {
        jdbc.sql("""
                        INSERT INTO app_user (username, display_name, password_hash, role)
                        VALUES (:username, :displayName, :passwordHash, :role)
                        """)
                .param("username", username)
                .param("displayName", displayName)
                .param("passwordHash", passwordHash)
                .param("role", role.name())
                .update();
    }

    void makeAdmin(String username, String passwordHash) {
        int updated = jdbc.sql("""
                        UPDATE app_user SET password_hash = :passwordHash, role = 'ADMIN'
                        WHERE username = :username
                        """)
                .param("username", username)
                .param("passwordHash", passwordHash)
                .update();
        if (updated != 1) {
            throw new IllegalStateException("No user " + username + " to update");
        }
    }
}
