package io.audiencehub.api;

import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.audiencehub.segment.Segment;
import io.audiencehub.segment.SegmentDefinition;
import io.audiencehub.segment.SegmentDefinitions;
import io.audiencehub.segment.SegmentService;
import io.audiencehub.segment.SegmentSummary;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Targeting segments, with their versioned JSON definition (docs/segments.md). */
@RestController
@RequestMapping(path = ApiDocs.BASE + "/segments", produces = ApiDocs.JSON)
@SecurityRequirement(name = ApiDocs.API_KEY)
@Tag(name = "Segments")
class SegmentApiController {

    record SegmentBody(String name,
                       @Schema(description = "The versioned definition document of docs/segments.md",
                               example = ApiDocs.DEFINITION_EXAMPLE) JsonNode definition) {
    }

    /** @param warnings EXTERNAL DATA criteria whose audience became empty or whose connector is gone */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record SegmentListItem(long id, String name, String criteria, int usedByCampaigns, Instant updatedAt,
                           List<String> warnings) {

        static SegmentListItem of(SegmentSummary summary) {
            return new SegmentListItem(summary.id(), summary.name(), summary.criteria(), summary.usedBy(),
                    summary.updatedAt(), summary.warnings());
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record SegmentItem(long id, String name,
                       @JsonRawValue @Schema(type = "object", example = ApiDocs.DEFINITION_EXAMPLE) String definition,
                       String updatedBy, Instant updatedAt) {

        static SegmentItem of(Segment segment) {
            return new SegmentItem(segment.id(), segment.name(), SegmentDefinitions.write(segment.definition()),
                    segment.updatedBy(), segment.updatedAt());
        }
    }

    private final SegmentService segments;

    SegmentApiController(SegmentService segments) {
        this.segments = segments;
    }

    @Operation(summary = "Segments, by name; `name` keeps those whose name contains it")
    @GetMapping
    ApiPage<SegmentListItem> list(@RequestParam(required = false) String name,
                                  @RequestParam(defaultValue = "0") int offset,
                                  @RequestParam(defaultValue = Paging.DEFAULT_LIMIT) int limit) {
        Paging paging = new Paging(offset, limit);
        String contains = name == null ? "" : name;
        return new ApiPage<>(segments.named(contains, paging.offset(), paging.limit()).stream()
                .map(SegmentListItem::of).toList(), segments.countNamed(contains), offset, limit);
    }

    @Operation(summary = "One segment with its definition")
    @GetMapping("/{segmentId}")
    SegmentItem get(@PathVariable long segmentId) {
        return segments.find(segmentId).map(SegmentItem::of)
                .orElseThrow(() -> ApiProblem.notFound("Segment " + segmentId));
    }

    @Operation(summary = "Creates a segment", description = "The name is unique (at most 120 characters); the"
            + " definition is validated as in the builder.")
    @PostMapping
    ResponseEntity<SegmentItem> create(@RequestBody SegmentBody body) {
        SegmentItem created = SegmentItem.of(segments.create(body.name(), definition(body)));
        return ResponseEntity.created(URI.create(ApiDocs.BASE + "/segments/" + created.id())).body(created);
    }

    @Operation(summary = "Replaces a segment's name and definition; campaigns targeting it decide with it at once")
    @PutMapping("/{segmentId}")
    SegmentItem replace(@PathVariable long segmentId, @RequestBody SegmentBody body) {
        get(segmentId);
        return SegmentItem.of(segments.save(segmentId, body.name(), definition(body)));
    }

    @Operation(summary = "Deletes a segment no campaign targets")
    @DeleteMapping("/{segmentId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long segmentId) {
        get(segmentId);
        segments.delete(segmentId);
    }

    private static SegmentDefinition definition(SegmentBody body) {
        return SegmentDefinitions.parse(body.definition() == null ? "null" : body.definition().toString());
    }
}
