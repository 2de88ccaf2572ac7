package io.audiencehub.visitor;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * The site tag in the OpenAPI document. It is a servlet of its own, not a Spring MVC handler (see
 * {@link TagServlet}), so springdoc cannot find it by itself.
 */
@Component
class TagApiDoc implements OpenApiCustomizer {

    @Override
    public void customise(OpenAPI api) {
        api.path(TagServlet.PATH, new PathItem().get(new Operation()
                .operationId("tag")
                .addTagsItem("Public: site tag")
                .summary("The site tag script, cacheable (ETag, 304)")
                .description("docs/tag.md")
                .addParametersItem(new Parameter().in("header").name(HttpHeaders.IF_NONE_MATCH).required(false)
                        .schema(new StringSchema()).description("The ETag of the tag the browser holds"))
                .responses(new ApiResponses()
                        .addApiResponse("200", new ApiResponse().description("The tag")
                                .addHeaderObject(HttpHeaders.ETAG, new Header().schema(new StringSchema()))
                                .content(new Content().addMediaType("text/javascript",
                                        new MediaType().schema(new StringSchema()))))
                        .addApiResponse("304", new ApiResponse().description("The browser's copy is current")))));
    }
}
