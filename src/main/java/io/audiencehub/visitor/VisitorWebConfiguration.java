package io.audiencehub.visitor;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.audiencehub.security.PublicEndpoints;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The tag is public, served by a servlet of its own (see TagServlet); the report endpoint is a filter ahead of
 * the security chain (see VisitorReportFilter).
 */
@Configuration(proxyBeanMethods = false)
class VisitorWebConfiguration {

    @Bean
    PublicEndpoints siteTag() {
        return () -> List.of(TagServlet.PATH);
    }

    @Bean
    ServletRegistrationBean<TagServlet> siteTagServlet(ObjectProvider<TagCookies> cookies, ObjectMapper json) {
        return new ServletRegistrationBean<>(new TagServlet(cookies, json), TagServlet.PATH);
    }

    /**
     * After the request metrics, before security. The client's address is the connection's, or a
     * trusted proxy's X-Forwarded-For, which Tomcat resolves before any filter.
     */
    @Bean
    FilterRegistrationBean<VisitorReportFilter> visitorReportFilter(VisitorService visitors, VisitorProperties settings,
                                                                    ObjectMapper json) {
        var registration = new FilterRegistrationBean<>(new VisitorReportFilter(visitors, settings, json));
        registration.addUrlPatterns(VisitorReportFilter.PATH);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }
}
