package io.audiencehub.audience;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Elects the one hub instance that changes audiences, with a MariaDB named lock held on a connection
 * of its own: the lock goes with the connection, so a crashed instance frees it at once.
 */
@Component
class AudienceWriterLock {

    static final String NAME = "audiencehub.audience-writer";
    private static final Logger log = LoggerFactory.getLogger(AudienceWriterLock.class);

    private final DataSource dataSource;
    private Connection held;

    AudienceWriterLock(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** True when this instance holds the lock, taking it if it is free. */
    synchronized boolean acquire() {
        if (held != null) {
            if (stillHeld()) {
                return true;
            }
            release();
        }
        try {
            Connection connection = dataSource.getConnection();
            if (queryInt(connection, "SELECT GET_LOCK('" + NAME + "', 0)") == 1) {
                held = connection;
                return true;
            }
            connection.close();
        } catch (SQLException e) {
            log.warn("Could not ask for the audience writer lock: {}", e.getMessage());
        }
        return false;
    }

    synchronized void release() {
        if (held == null) {
            return;
        }
        try (Connection connection = held) {
            queryInt(connection, "SELECT RELEASE_LOCK('" + NAME + "')");
        } catch (SQLException e) {
            log.debug("The audience writer lock went with its connection", e);
        }
        held = null;
    }

    private boolean stillHeld() {
        try {
            return queryInt(held, "SELECT IS_USED_LOCK('" + NAME + "') = CONNECTION_ID()") == 1;
        } catch (SQLException e) {
            return false;
        }
    }

    private static int queryInt(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            return result.next() ? result.getInt(1) : 0;
        }
    }
}
