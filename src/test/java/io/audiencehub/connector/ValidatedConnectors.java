package io.audiencehub.connector;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/** A validated Heap connector written straight to the database, for tests about what comes after. */
public final class ValidatedConnectors {

    private ValidatedConnectors() {
    }

    /** Returns the new connector's id. */
    public static long insert(JdbcClient jdbc, String name, String tokenId, String environment) {
        var key = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO connector (provider_id, name, state, token_id, environment_name, created_by,
                                               created_at, updated_at)
                        VALUES ('heap', ?, 'VALIDATED', ?, ?, 'admin', NOW(3), NOW(3))
                        """)
                .params(name, tokenId, environment).update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }
}
