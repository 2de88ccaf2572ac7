package io.audiencehub.audience;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AudienceConfiguration {

    /** Keys need this installation's salt, stored in the database and created on the first start. */
    @Bean
    MemberKeys memberKeys(AudienceRepository audiences) {
        return new MemberKeys(audiences.salt());
    }

    /**
     * What to watch on every hub of a cluster: which one is the writer (exactly one should be), its term,
     * and the version of the audiences each has in memory (the others follow the writer's within a second).
     */
    @Bean
    MeterBinder audienceWriterMetrics(WriterElection election, AudienceStore store) {
        return registry -> {
            Gauge.builder("audiencehub.audiences.writer", election, writer -> writer.isWriter() ? 1 : 0)
                    .description("1 on the hub that changes audiences, 0 on the others").register(registry);
            Gauge.builder("audiencehub.audiences.writer.term", election, WriterElection::term)
                    .description("the term this hub last wrote in as the writer (0: never)").register(registry);
            Gauge.builder("audiencehub.audiences.version", store, AudienceStore::version)
                    .description("the version of the audiences this hub has in memory").register(registry);
        };
    }
}
