package io.audiencehub.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.audiencehub.Http;
import io.audiencehub.IntegrationTest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class AccessIntegrationTest extends IntegrationTest {

    @Test
    void healthIsPublicAndItsDetailsIncludingTheDatabaseNeedASignIn() {
        HttpResponse<String> anonymous = Http.get(baseUrl() + "/actuator/health");
        assertThat(anonymous.statusCode()).isEqualTo(200);
        assertThat(anonymous.body()).contains("\"status\":\"UP\"").doesNotContain("\"db\"");

        HttpResponse<String> admin = Http.get(baseUrl() + "/actuator/health", "metrics", METRICS_PASSWORD);
        assertThat(admin.body()).contains("\"db\":{\"status\":\"UP\"").contains("MariaDB");
    }

    @Test
    void pagesCarryAContentSecurityPolicyAndAReferrerPolicyAndCannotBeFramed() {
        HttpResponse<String> login = Http.get(baseUrl() + "/login");
        assertThat(login.headers().firstValue("Content-Security-Policy")).hasValue(
                SecurityConfiguration.CONTENT_SECURITY_POLICY);
        assertThat(login.headers().firstValue("Referrer-Policy")).hasValue("strict-origin-when-cross-origin");
        assertThat(login.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(login.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");

        HttpResponse<String> api = Http.get(baseUrl() + "/actuator/health");
        assertThat(api.headers().firstValue("Content-Security-Policy")).hasValue(
                SecurityConfiguration.MACHINE_CONTENT_SECURITY_POLICY);
        assertThat(api.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
    }

    @Test
    void readinessReportsTheDatabase() {
        HttpResponse<String> readiness = Http.get(baseUrl() + "/actuator/health/readiness", "metrics", METRICS_PASSWORD);
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(readiness.body()).contains("\"db\":{\"status\":\"UP\"").contains("\"readinessState\"");
    }

    @Test
    void prometheusMetricsNeedASignIn() {
        assertThat(Http.get(baseUrl() + "/actuator/prometheus").statusCode()).isEqualTo(401);

        HttpResponse<String> metrics = Http.get(baseUrl() + "/actuator/prometheus", "metrics", METRICS_PASSWORD);
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("hikaricp_connections_active").contains("jvm_memory_used_bytes");
    }

    @Test
    void aWrongPasswordIsRefused() {
        assertThat(Http.get(baseUrl() + "/actuator/prometheus", "admin", "not-the-password").statusCode())
                .isEqualTo(401);
    }

    @Test
    void viewsSendAnonymousVisitorsToTheLoginPage() {
        HttpResponse<String> home = Http.get(baseUrl() + "/integrations/directory");
        assertThat(home.statusCode()).isEqualTo(302);
        assertThat(home.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/login"));
        assertThat(Http.get(baseUrl() + "/login").statusCode()).isEqualTo(200);
    }

    @Test
    void theApiNeedsASignInAndStartsNoSession() {
        HttpResponse<String> api = Http.get(baseUrl() + "/api/v1/anything");
        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(api.headers().firstValue("Set-Cookie")).isEmpty();
    }

    @Test
    void theOAuthCallbackNeedsTheSignedInAdminWhoStartedTheSetup() {
        HttpResponse<String> anonymous = Http.get(baseUrl() + "/integrations/heap/oauth/callback?state=s&code=c");
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(anonymous.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/login"));
    }

    @Test
    void theSiteTagAndTheVisitorReportAreOpenToAnyone() {
        assertThat(Http.get(baseUrl() + "/tag.js").statusCode()).isEqualTo(200);
        assertThat(Http.get(baseUrl() + "/api/v1/visitors/seen").statusCode()).as("open, but POST only").isEqualTo(405);
    }
}
