package io.audiencehub.visitor;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * The visitor report endpoint in the OpenAPI document. It is a servlet filter, not a Spring MVC handler
 * (see {@link VisitorReportFilter}), so springdoc cannot find it by itself.
 */
@Component
class VisitorReportApiDoc implements OpenApiCustomizer {

    @Override
    public void customise(OpenAPI api) {
        ObjectSchema report = new ObjectSchema();
        report.addProperty("visitorId", new StringSchema().maxLength(VisitorIds.MAX_LENGTH)
                .description("The visitor id the tag gave the visitor: letters, digits, '-' and '_'"));
        report.setRequired(List.of("visitorId"));
        ObjectSchema error = new ObjectSchema();
        error.addProperty("error", new StringSchema().description("What is wrong and how to fix it"));
        Content errorContent = new Content().addMediaType("application/problem+json", new MediaType().schema(error));
        api.path(VisitorReportFilter.PATH, new PathItem().post(new Operation()
                .operationId("reportVisitor")
                .addTagsItem("Public: site tag")
                .summary("The site tag reports a visitor, once per session")
                .description("Public and cross-origin from the sites in audiencehub.visitors.allowed-origins; sent"
                        + " as text/plain by navigator.sendBeacon or as application/json; at most 1,024 bytes;"
                        + " rate-limited per client address. docs/tag.md.")
                .requestBody(new RequestBody().required(true).content(new Content()
                        .addMediaType("text/plain", new MediaType().schema(report))
                        .addMediaType("application/json", new MediaType().schema(report))))
                .responses(new ApiResponses()
                        .addApiResponse("202", new ApiResponse().description("Buffered: the visitor is known within"
                                + " a second"))
                        .addApiResponse("400", new ApiResponse().description("The report is not valid, or the hub"
                                + " is busy storing reports (retry in a few seconds)").content(errorContent))
                        .addApiResponse("429", new ApiResponse().description("Too many reports from this address")
                                .content(errorContent)))));
    }
}
