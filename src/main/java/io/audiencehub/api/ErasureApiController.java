package io.audiencehub.api;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.audiencehub.audience.ErasureService;
import io.audiencehub.audience.Suppression;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.HexFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Erasure of a visitor (docs/segment-sync.md, "Erasure of a visitor"): the id leaves the registry and
 * every audience, and stays suppressed until lifted. Answers name the erased visitor only by its member
 * key, never by the id. A key needs the erasure scope, for reads too.
 */
@RestController
@RequestMapping(path = ApiDocs.BASE + "/erasures", produces = ApiDocs.JSON)
@SecurityRequirement(name = ApiDocs.API_KEY)
@Tag(name = "Erasure of a visitor")
class ErasureApiController {

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record ErasureRequest(String visitorId) {
    }

    /** @param appliedAt when every audience had lost it; null while the writer has not yet (within seconds) */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record ErasureItem(String memberKey, String erasedBy, Instant erasedAt, Instant appliedAt,
                       Integer membershipsRemoved, String liftRequestedBy, Instant liftRequestedAt) {

        static ErasureItem of(Suppression suppression) {
            return new ErasureItem(suppression.keyText(), suppression.erasedBy(), suppression.erasedAt(),
                    suppression.appliedAt(), suppression.membershipsRemoved(), suppression.liftRequestedBy(),
                    suppression.liftRequestedAt());
        }
    }

    private final ErasureService erasures;

    ErasureApiController(ErasureService erasures) {
        this.erasures = erasures;
    }

    @Operation(summary = "Erases a visitor id from the registry and every audience, and suppresses it")
    @PostMapping
    ResponseEntity<ErasureItem> erase(@RequestBody ErasureRequest body) {
        ErasureItem erased = ErasureItem.of(erasures.erase(body.visitorId()));
        return ResponseEntity.created(URI.create(ApiDocs.BASE + "/erasures/" + erased.memberKey())).body(erased);
    }

    @Operation(summary = "Suppressed visitors, newest first, by member key")
    @GetMapping
    ApiPage<ErasureItem> list(@RequestParam(defaultValue = "0") int offset,
                              @RequestParam(defaultValue = Paging.DEFAULT_LIMIT) int limit) {
        Paging paging = new Paging(offset, limit);
        return new ApiPage<>(erasures.suppressions(paging.offset(), paging.limit()).stream().map(ErasureItem::of)
                .toList(), erasures.countSuppressions(), offset, limit);
    }

    @Operation(summary = "Lifts a suppression: later syncs may bring the visitor back")
    @DeleteMapping("/{memberKey}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void lift(@PathVariable String memberKey) {
        if (!memberKey.matches("[0-9a-f]{16}")) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "memberKey: 16 lower-case hexadecimal digits, as an"
                    + " erasure's member_key gives it");
        }
        erasures.lift(HexFormat.fromHexDigitsToLong(memberKey));
    }
}
