package io.audiencehub.audience;

import static org.assertj.core.api.Assertions.assertThat;

import io.audiencehub.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;
import liquibase.Scope;
import liquibase.command.CommandScope;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.integration.spring.SpringLiquibase;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The changeset that keys audiences by the source's own key, on a database of its own: rolled back to
 * the Heap segment ids of the versions before it, filled as they filled it (a CSV audience under a
 * segment id hashed from its name), and migrated again.
 */
@Tag("database")
class AudienceKeyMigrationTest {

    private static final String CHANGELOG = "db/changelog/db.changelog-master.yaml";
    private static final String AUDIENCE_KEY_CHANGESET = "20261202-1400-audience-key";

    private static DataSource dataSource;
    private static JdbcClient jdbc;

    @BeforeAll
    static void migratedThenRolledBack() throws Exception {
        dataSource = new DriverManagerDataSource(TestDatabase.url("audience_key_" + UUID.randomUUID().toString()
                .substring(0, 8)));
        jdbc = JdbcClient.create(dataSource);
        migrate();
        rollBackTheAudienceKeyChangeset();
    }

    @Test
    void heapSegmentIdsBecomeKeysAndACsvAudienceIsKeyedByItsNameInLowerCase() throws Exception {
        Instant now = Instant.parse("2026-12-01T10:00:00Z");
        long heap = connector("heap", "Heap", "env-1", now);
        long csv = connector("csv", "Uploaded files", "csv-uploads", now);
        long madeUpId = segmentIdOfCsvName("VIP Buyers");
        jdbc.sql("INSERT INTO audience (connector_id, segment_id, name, created_at, last_change_at) VALUES"
                        + " (:heap, 77, 'Free Customers', :now, :now), (:csv, :madeUp, 'VIP Buyers', :now, :now)")
                .param("heap", heap).param("csv", csv).param("madeUp", madeUpId).param("now", now).update();
        for (Object[] run : List.of(new Object[] {heap, 77L, "task-1"}, new Object[] {heap, 78L, "task-2"},
                new Object[] {csv, madeUpId, "upload-1"})) {
            jdbc.sql("INSERT INTO sync_run (connector_id, sync_task_id, segment_id, total_pages, started_at, last_page_at)"
                            + " VALUES (:connector, :task, :segment, 1, :now, :now)")
                    .param("connector", run[0]).param("segment", run[1]).param("task", run[2]).param("now", now)
                    .update();
        }
        jdbc.sql("INSERT INTO sync_page (connector_id, sync_task_id, page_number, total_pages, segment_id, segment_name,"
                        + " add_count, remove_count, member_keys, received_at)"
                        + " VALUES (:csv, 'upload-1', 1, 1, :madeUp, 'VIP Buyers', 0, 0, NULL, :now)")
                .param("csv", csv).param("madeUp", madeUpId).param("now", now).update();

        migrate();

        assertThat(jdbc.sql("SELECT name, audience_key FROM audience ORDER BY id").query().listOfRows())
                .extracting(row -> row.get("name") + "=" + row.get("audience_key"))
                .containsExactly("Free Customers=77", "VIP Buyers=vip buyers");
        assertThat(jdbc.sql("SELECT sync_task_id, audience_key FROM sync_run ORDER BY id").query().listOfRows())
                .extracting(row -> row.get("sync_task_id") + "=" + row.get("audience_key"))
                .as("a run of a segment never applied keeps its id as key")
                .containsExactly("task-1=77", "task-2=78", "upload-1=vip buyers");
        assertThat(jdbc.sql("SELECT audience_name, audience_key FROM sync_page").query().listOfRows())
                .extracting(row -> row.get("audience_name") + "=" + row.get("audience_key"))
                .containsExactly("VIP Buyers=vip buyers");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audience WHERE connector_id = :csv AND audience_key = :key")
                .param("csv", csv).param("key", "VIP BUYERS").query(Integer.class).single())
                .as("keys compare exactly").isZero();

        rollBackTheAudienceKeyChangeset();

        assertThat(jdbc.sql("SELECT segment_id FROM audience ORDER BY id").query(Long.class).list())
                .as("rolled back, a name hashes to the id the versions before made of it")
                .containsExactly(77L, madeUpId);
        assertThat(jdbc.sql("SELECT segment_id FROM sync_run ORDER BY id").query(Long.class).list())
                .containsExactly(77L, 78L, madeUpId);
        migrate();
    }

    private static long connector(String provider, String name, String token, Instant now) {
        jdbc.sql("INSERT INTO connector (provider_id, name, state, token_id, created_by, created_at, updated_at)"
                        + " VALUES (:provider, :name, 'VALIDATED', :token, 'test', :now, :now)")
                .param("provider", provider).param("name", name).param("token", token).param("now", now).update();
        return jdbc.sql("SELECT id FROM connector WHERE name = :name").param("name", name).query(Long.class).single();
    }

    /** The segment id the versions before this changeset made of a CSV audience's name. */
    private static long segmentIdOfCsvName(String name) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(name.toLowerCase(Locale.ROOT)
                .getBytes(StandardCharsets.UTF_8));
        long id = 0;
        for (int i = 0; i < Long.BYTES; i++) {
            id = (id << 8) | (digest[i] & 0xFF);
        }
        return (id & Long.MAX_VALUE) >>> 11;
    }

    private static void migrate() throws Exception {
        SpringLiquibase liquibase = new SpringLiquibase();
        liquibase.setDataSource(dataSource);
        liquibase.setResourceLoader(new DefaultResourceLoader());
        liquibase.setChangeLog("classpath:" + CHANGELOG);
        liquibase.setContexts("main");
        liquibase.afterPropertiesSet();
    }

    /**
     * Rolls the changeset back, with every one released after it, as an operator would with Liquibase's own
     * tools: counting from the end keeps this test true when later changesets arrive.
     */
    private static void rollBackTheAudienceKeyChangeset() throws Exception {
        int fromTheEnd = jdbc.sql("SELECT COUNT(*) FROM DATABASECHANGELOG WHERE ORDEREXECUTED >="
                        + " (SELECT ORDEREXECUTED FROM DATABASECHANGELOG WHERE ID = :id)")
                .param("id", AUDIENCE_KEY_CHANGESET).query(Integer.class).single();
        try (Connection connection = dataSource.getConnection()) {
            Database database = DatabaseFactory.getInstance()
                    .findCorrectDatabaseImplementation(new JdbcConnection(connection));
            Scope.child(Scope.Attr.resourceAccessor.name(),
                    new ClassLoaderResourceAccessor(AudienceKeyMigrationTest.class.getClassLoader()),
                    () -> new CommandScope("rollbackCount")
                            .addArgumentValue("database", database)
                            .addArgumentValue("changelogFile", CHANGELOG)
                            .addArgumentValue("count", fromTheEnd)
                            .execute());
        }
    }
}
