package io.audiencehub.api;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.audiencehub.audience.Audience;
import io.audiencehub.audience.AudienceOverride;
import io.audiencehub.audience.AudienceOverrideService;
import io.audiencehub.audience.AudienceOverrideService.OverrideChange;
import io.audiencehub.audience.AudienceService;
import io.audiencehub.audience.OverrideAuditEntry;
import io.audiencehub.audience.OverrideCounts;
import io.audiencehub.audience.OverrideRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** An audience's manual includes and excludes: the ids kept always in or always out of it, whatever its source sends. */
@RestController
@RequestMapping(path = ApiDocs.BASE, produces = ApiDocs.JSON)
@SecurityRequirement(name = ApiDocs.API_KEY)
@Tag(name = "Connectors and audiences")
class AudienceOverrideApiController {

    /** @param sourceHolds whether the audience's source has the id as a member (null until applied) */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record OverrideItem(String visitorId, OverrideRule rule, Boolean sourceHolds, boolean pending, String changedBy,
                        Instant changedAt) {
        static OverrideItem of(AudienceOverride override) {
            return new OverrideItem(override.visitorId(), override.rule(), override.synced(), override.pending(),
                    override.changedBy(), override.changedAt());
        }
    }

    record OverrideBody(OverrideRule rule, List<String> ids) {
    }

    record RemovalBody(List<String> ids) {
    }

    /** What a change did and the audience's counts after it. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record ChangeItem(int ids, boolean applied, long alwaysIn, long alwaysOut, long members, long knownVisitors) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record AuditItem(String action, int idCount, String memberKey, String actor, Instant at) {
        static AuditItem of(OverrideAuditEntry entry) {
            return new AuditItem(entry.action(), entry.idCount(),
                    entry.memberKey() == null ? null : String.format("%016x", entry.memberKey()), entry.actor(),
                    entry.at());
        }
    }

    private final AudienceOverrideService overrides;
    private final AudienceService audiences;

    AudienceOverrideApiController(AudienceOverrideService overrides, AudienceService audiences) {
        this.overrides = overrides;
        this.audiences = audiences;
    }

    @Operation(summary = "The ids kept always in or always out of an audience, by id",
            description = "Needs the Audiences scope (the ids are visitors'). `rule` keeps one list.")
    @GetMapping("/audiences/{audienceId}/overrides")
    ApiPage<OverrideItem> overrides(@PathVariable long audienceId, @RequestParam(required = false) OverrideRule rule,
                                    @RequestParam(defaultValue = "0") int offset,
                                    @RequestParam(defaultValue = Paging.DEFAULT_LIMIT) int limit) {
        Paging paging = new Paging(offset, limit);
        audience(audienceId);
        OverrideCounts counts = overrides.counts(audienceId);
        long total = rule == null ? counts.total() : rule == OverrideRule.ALWAYS_IN ? counts.alwaysIn()
                : counts.alwaysOut();
        return new ApiPage<>(overrides.page(audienceId, rule, paging.offset(), paging.limit()).stream()
                .map(OverrideItem::of).toList(), total, offset, limit);
    }

    @Operation(summary = "Keeps ids always in or always out of an audience, across every sync (audited)",
            description = "Needs the Audiences scope. Up to 10,000 ids at a time; an id on the other list moves."
                    + " Answers once the audience writer applied it (within 5 s; `applied` false if not yet).")
    @PostMapping(path = "/audiences/{audienceId}/overrides", consumes = ApiDocs.JSON)
    ChangeItem keep(@PathVariable long audienceId, @RequestBody OverrideBody body) {
        audience(audienceId);
        if (body.rule() == null) {
            throw new IllegalArgumentException("rule: give ALWAYS_IN or ALWAYS_OUT");
        }
        return answer(audienceId, overrides.add(audienceId, body.rule(), body.ids()));
    }

    @Operation(summary = "Gives ids back to the audience's source: each is a member again if the source has it (audited)",
            description = "Needs the Audiences scope; 400 when none of them is kept in or out.")
    @PostMapping(path = "/audiences/{audienceId}/overrides/remove", consumes = ApiDocs.JSON)
    ChangeItem remove(@PathVariable long audienceId, @RequestBody RemovalBody body) {
        audience(audienceId);
        return answer(audienceId, overrides.remove(audienceId, body.ids()));
    }

    @Operation(summary = "Each change of an audience's always-in and always-out ids, the latest first",
            description = "How many ids, by whom, when; the member key of a single id, never an id.")
    @GetMapping("/audiences/{audienceId}/overrides/audit")
    List<AuditItem> audit(@PathVariable long audienceId, @RequestParam(defaultValue = "0") int offset,
                          @RequestParam(defaultValue = Paging.DEFAULT_LIMIT) int limit) {
        Paging paging = new Paging(offset, limit);
        audience(audienceId);
        return overrides.audit(audienceId, paging.offset(), paging.limit()).stream().map(AuditItem::of).toList();
    }

    private ChangeItem answer(long audienceId, OverrideChange change) {
        OverrideCounts counts = overrides.counts(audienceId);
        Audience audience = audience(audienceId);
        return new ChangeItem(change.ids(), change.applied(), counts.alwaysIn(), counts.alwaysOut(),
                audience.memberCount(), audience.matchedCount());
    }

    private Audience audience(long audienceId) {
        return audiences.find(audienceId).orElseThrow(() -> ApiProblem.notFound("Audience " + audienceId));
    }
}
