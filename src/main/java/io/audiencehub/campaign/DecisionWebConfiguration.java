package io.audiencehub.campaign;

import io.audiencehub.security.PublicEndpoints;
import io.audiencehub.visitor.VisitorProperties;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The decision API is public, and called across origins from the sites that carry the tag only. */
@Configuration(proxyBeanMethods = false)
class DecisionWebConfiguration {

    @Bean
    PublicEndpoints decisionEndpoint() {
        return () -> List.of(DecisionController.PATH);
    }

    @Bean
    @Profile("bench")
    PublicEndpoints noOpDecisionEndpoint() {
        return () -> List.of(NoOpDecisionController.PATH);
    }

    /** The tag asks from the customer's sites: the same origins that may report visitors. */
    @Bean
    WebMvcConfigurer decisionCors(VisitorProperties sites) {
        return new WebMvcConfigurer() {
            @Override
            public void addCorsMappings(CorsRegistry registry) {
                // a registration starts from "every origin"; clearing the origins leaves only the sites
                // configured, and none (same origin only) when none is
                registry.addMapping(DecisionController.PATH).allowedOrigins()
                        .allowedOriginPatterns(sites.allowedOrigins().toArray(String[]::new))
                        .allowedMethods("POST").allowedHeaders("Content-Type").maxAge(3600);
            }
        };
    }
}
