package io.audiencehub.database;

import com.zaxxer.hikari.HikariDataSource;
import io.audiencehub.base.StartupRefusedException;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/** One DataSource: the external MariaDB when {@code audiencehub.db.url} is set, else the embedded one. */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    private static final String URL_PROPERTY = "audiencehub.db.url";

    @Bean
    @Conditional(ExternalDatabase.class)
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource externalDataSource(DatabaseProperties database) {
        return dataSource(database.url(), database.user(), database.password());
    }

    @Bean(destroyMethod = "close")
    @Conditional(EmbeddedDatabase.class)
    EmbeddedMariaDb embeddedMariaDb(DatabaseProperties database) {
        if (!database.embedded().allowed()) {
            throw new StartupRefusedException(
                    "No database is configured, and the embedded MariaDB is not allowed in this profile (prod).",
                    "Set AUDIENCEHUB_DB_URL (for example jdbc:mariadb://db.example.com:3306/audiencehub),"
                            + " AUDIENCEHUB_DB_USER and AUDIENCEHUB_DB_PASSWORD to your MariaDB 10.11 or 11.x.");
        }
        return EmbeddedMariaDb.start(database.embedded());
    }

    /** Depends on the server bean directly, so the pool is closed before the server stops. */
    @Bean
    @Conditional(EmbeddedDatabase.class)
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource embeddedDataSource(EmbeddedMariaDb server) {
        return dataSource(server.jdbcUrl(), server.user(), server.password());
    }

    private static HikariDataSource dataSource(String url, String user, String password) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(url);
        dataSource.setUsername(user);
        dataSource.setPassword(password);
        return dataSource;
    }

    static class ExternalDatabase extends SpringBootCondition {

        private final boolean urlExpected;

        ExternalDatabase() {
            this(true);
        }

        ExternalDatabase(boolean urlExpected) {
            this.urlExpected = urlExpected;
        }

        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            boolean urlSet = StringUtils.hasText(context.getEnvironment().getProperty(URL_PROPERTY));
            return new ConditionOutcome(urlSet == urlExpected, URL_PROPERTY + (urlSet ? " is set" : " is not set"));
        }
    }

    static final class EmbeddedDatabase extends ExternalDatabase {
        EmbeddedDatabase() {
            super(false);
        }
    }
}
