package io.audiencehub.security;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class LocalUserRepository {

    record Credentials(String username, String passwordHash, Role role, Instant lockedUntil) {
    }

    private final JdbcClient jdbc;

    LocalUserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Credentials> findCredentials(String username) {
        return jdbc.sql("""
                        SELECT username, password_hash, role, locked_until
                        FROM app_user
                        WHERE username = :username
                        """)
                .param("username", username)
                .query(Credentials.class)
                .optional();
    }

    List<LocalUser> page(int offset, int limit) {
        return jdbc.sql("""
                        SELECT username, display_name, role, created_at, failed_sign_ins, locked_until
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

    long countAdmins() {
        return jdbc.sql("SELECT COUNT(*) FROM app_user WHERE role = 'ADMIN'").query(Long.class).single();
    }

    void update(String username, Role role, String passwordHash) {
        expectOne(jdbc.sql("""
                        UPDATE app_user SET role = :role, password_hash = COALESCE(:passwordHash, password_hash)
                        WHERE username = :username
                        """)
                .param("username", username)
                .param("role", role.name())
                .param("passwordHash", passwordHash)
                .update(), username);
    }

    void delete(String username) {
        expectOne(jdbc.sql("DELETE FROM app_user WHERE username = :username").param("username", username).update(),
                username);
    }

    void makeAdmin(String username, String passwordHash) {
        int updated = jdbc.sql("""
                        UPDATE app_user SET password_hash = :passwordHash, role = 'ADMIN', failed_sign_ins = 0,
                                            locked_until = NULL
                        WHERE username = :username
                        """)
                .param("username", username)
                .param("passwordHash", passwordHash)
                .update();
        expectOne(updated, username);
    }

    /**
     * Counts a failed sign-in; from the {@code lockAfter}-th in a row the account is locked, for a minute
     * at first, doubling with each further failure up to {@code longestLock}. The lock is set before the
     * count, so it reads the count as it was whether the server assigns left to right or all at once.
     */
    void countFailedSignIn(String username, int lockAfter, Duration longestLock, Instant now) {
        jdbc.sql("""
                        UPDATE app_user
                        SET locked_until = IF(failed_sign_ins + 1 >= :lockAfter,
                                :now + INTERVAL LEAST(POW(2, LEAST(failed_sign_ins + 1 - :lockAfter, 30)) * 60,
                                                      :longestSeconds) SECOND,
                                locked_until),
                            failed_sign_ins = failed_sign_ins + 1
                        WHERE username = :username
                        """)
                .param("username", username)
                .param("lockAfter", lockAfter)
                .param("longestSeconds", longestLock.toSeconds())
                .param("now", now)
                .update();
    }

    /** A successful sign-in, or an admin's unlock: the count starts again. */
    int clearFailedSignIns(String username) {
        return jdbc.sql("UPDATE app_user SET failed_sign_ins = 0, locked_until = NULL WHERE username = :username")
                .param("username", username)
                .update();
    }

    private static void expectOne(int updated, String username) {
        if (updated != 1) {
            throw new UserChangeException("There is no user \"" + username + "\" any more. Reload the page.");
        }
    }
}
