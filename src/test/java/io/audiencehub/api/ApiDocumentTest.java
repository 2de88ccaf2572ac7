package io.audiencehub.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.audiencehub.IntegrationTest;
import io.audiencehub.campaign.CampaignExplanation;
import io.audiencehub.connector.HeapConnectorsForTests;
import io.audiencehub.security.LocalUserService;
import io.audiencehub.security.NewLocalUser;
import io.audiencehub.security.Role;
import io.audiencehub.security.SignInForm;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The OpenAPI document names every endpoint the hub serves (each Spring MVC handler of the product's
 * own packages but the sandbox, which plays Heap, and each path a product filter answers by itself), and
 * only admins reach it and its UI.
 */
class ApiDocumentTest extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlers;
    @Autowired
    ApplicationContext context;
    @Autowired
    LocalUserService users;
    @Autowired
    SecurityContextHolderStrategy security;

    @Test
    void everyEndpointOfTheHubIsInTheDocument() throws Exception {
        SignInForm admin = new SignInForm(baseUrl(), "198.51.100.70");
        assertThat(admin.signsIn("admin", "admin")).isTrue();
        HttpResponse<String> document = admin.get("/v3/api-docs");
        assertThat(document.statusCode()).as(document.body()).isEqualTo(200);
        JsonNode paths = JSON.readTree(document.body()).path("paths");
        assertThat(JSON.readTree(document.body()).path("components").path("schemas").path("CampaignExplanation")
                .path("properties").path("reason").path("enum")).extracting(JsonNode::asText)
                .as("the explanations' reason codes are documented").containsExactlyElementsOf(
                        Arrays.stream(CampaignExplanation.Reason.values()).map(Enum::name).toList());

        List<String> missing = new ArrayList<>();
        List<String> checked = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> handler : handlers.getHandlerMethods().entrySet()) {
            String owner = handler.getValue().getBeanType().getPackageName();
            if (!owner.startsWith("io.audiencehub") || owner.startsWith("io.audiencehub.sandbox")) {
                continue;
            }
            for (String path : handler.getKey().getPatternValues()) {
                for (RequestMethod method : handler.getKey().getMethodsCondition().getMethods()) {
                    String operation = method.name() + " " + path;
                    checked.add(operation);
                    if (paths.path(path).path(method.name().toLowerCase(Locale.ROOT)).isMissingNode()) {
                        missing.add(operation);
                    }
                }
            }
        }
        for (FilterRegistrationBean<?> filter : context.getBeansOfType(FilterRegistrationBean.class).values()) {
            String owner = filter.getFilter().getClass().getPackageName();
            if (owner.startsWith("io.audiencehub") && !owner.startsWith("io.audiencehub.sandbox")) {
                for (String path : filter.getUrlPatterns()) {
                    checked.add("filter " + path);
                    if (paths.path(path).isMissingNode()) {
                        missing.add("filter " + path);
                    }
                }
            }
        }

        assertThat(checked).as("the endpoints found").contains("POST /api/integrations/heap/webhook",
                "POST /api/v1/decisions", "filter /api/v1/visitors/seen", "GET /api/v1/connectors",
                "PUT /api/v1/segments/{segmentId}", "POST /api/v1/campaigns/{campaignId}/start",
                "POST /api/v1/erasures");
        assertThat(missing).as("endpoints missing from the OpenAPI document").isEmpty();
        assertThat(paths.path("/api/v1/segments").path("post").path("security").toString()).contains(ApiDocs.API_KEY);
        assertThat(paths.path("/api/v1/decisions").path("post").has("security")).isFalse();
        assertThat(paths.fieldNames()).toIterable().as("the sandbox plays Heap; it is not the hub's API")
                .noneMatch(path -> path.startsWith("/sandbox"));
    }

    @Test
    void onlyAdminsReachTheDocumentAndItsUi() {
        SignInForm anonymous = new SignInForm(baseUrl(), "198.51.100.71");
        for (String path : List.of("/v3/api-docs", "/swagger-ui.html", "/swagger-ui/index.html")) {
            HttpResponse<String> answer = anonymous.get(path);
            assertThat(answer.statusCode()).as(path).isEqualTo(302);
            assertThat(answer.headers().firstValue("Location")).as(path).hasValueSatisfying(location ->
                    assertThat(location).endsWith("/login"));
        }

        String viewerName = "viewer-" + UUID.randomUUID().toString().substring(0, 8);
        HeapConnectorsForTests.asAdmin(security, () -> {
            users.create(new NewLocalUser(viewerName, "Viewer", Role.VIEWER, "viewer-password-1"));
            return null;
        });
        SignInForm viewer = new SignInForm(baseUrl(), "198.51.100.72");
        assertThat(viewer.signsIn(viewerName, "viewer-password-1")).isTrue();
        assertThat(viewer.get("/v3/api-docs").statusCode()).isEqualTo(403);
        assertThat(viewer.get("/swagger-ui/index.html").statusCode()).isEqualTo(403);

        SignInForm admin = new SignInForm(baseUrl(), "198.51.100.73");
        assertThat(admin.signsIn("admin", "admin")).isTrue();
        HttpResponse<String> ui = admin.get("/swagger-ui/index.html");
        assertThat(ui.statusCode()).isEqualTo(200);
        assertThat(ui.body()).contains("swagger-ui");
        assertThat(admin.get("/v3/api-docs/swagger-config").statusCode()).isEqualTo(200);
    }
}
