package io.audiencehub.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document at {@code /v3/api-docs} and its UI at {@code /swagger-ui.html}, for admins: every
 * public endpoint of the hub (Heap's webhook, visitor reports, decisions, the tag) and the automation API.
 * The automation API's controllers name the API key as their security requirement.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocs {

    static final String BASE = "/api/v1";
    static final String JSON = "application/json";
    static final String API_KEY = "apiKey";
    static final String DEFINITION_EXAMPLE = "{\"version\": 1, \"root\": {\"type\": \"group\", \"combinator\": \"ALL\","
            + " \"children\": [{\"type\": \"condition\", \"negated\": false, \"criterion\": {\"type\":"
            + " \"external_audience\", \"connectorId\": 3, \"audienceId\": 42}}]}}";

    @Bean
    OpenAPI audienceHubApi() {
        return new OpenAPI()
                .info(new Info().title("Audience Hub").version("v1").description("""
                        The hub's public endpoints and its automation API. The automation API (`/api/v1`, all but \
                        decisions and visitor reports) takes an API key as `Authorization: Bearer <key>`: every key \
                        reads; its scopes (segments, campaigns, erasure) allow the changes an admin picked, recorded \
                        under the key's name. \
                        Every refusal is a problem (application/problem+json) whose `error` says what is wrong and where. docs/api.md has examples."""))
                .components(new Components().addSecuritySchemes(API_KEY, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("ahk_ followed by 40 characters")
                        .description("An API key an admin created under API keys")));
    }
}
