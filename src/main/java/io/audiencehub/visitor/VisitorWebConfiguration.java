package io.audiencehub.visitor;

import io.audiencehub.security.PublicEndpoints;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The tag and the report endpoint are public, and only the configured site origins may call it from a browser. */
@Configuration(proxyBeanMethods = false)
class VisitorWebConfiguration implements WebMvcConfigurer {

    private final VisitorProperties settings;

    VisitorWebConfiguration(VisitorProperties settings) {
        this.settings = settings;
    }

    @Bean
    PublicEndpoints visitorReportEndpoint() {
        return () -> List.of(VisitorReportController.PATH, TagController.PATH);
    }

    @Override
    public void addCorsMappings(CorsRegistry registry) {
        registry.addMapping(VisitorReportController.PATH)
                .allowedOriginPatterns(settings.allowedOrigins().toArray(String[]::new))
                .allowedMethods("POST")
                .allowedHeaders("Content-Type")
                .allowCredentials(false)
                .maxAge(3600);
    }
}
