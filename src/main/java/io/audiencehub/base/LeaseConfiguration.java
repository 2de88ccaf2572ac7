package io.audiencehub.base;

import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Leases held in the {@code shedlock} table, for what one hub of a cluster does at a time: the
 * audience writer and the jobs marked {@code @SchedulerLock}. A table row, with the database's clock,
 * because Galera replicates rows but not named locks, and the hubs' clocks may differ.
 */
@Configuration(proxyBeanMethods = false)
@EnableSchedulerLock(defaultLockAtMostFor = "PT10M")
class LeaseConfiguration {

    @Bean
    LockProvider lockProvider(DataSource dataSource, HubInstance instance) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .usingDbTime()
                .withLockedByValue(instance.name())
                .build());
    }
}
