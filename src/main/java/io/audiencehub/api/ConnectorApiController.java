package io.audiencehub.api;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.audiencehub.directory.ConnectionAudience;
import io.audiencehub.directory.DirectoryEntry;
import io.audiencehub.directory.DirectoryService;
import io.audiencehub.directory.GuardSettings;
import io.audiencehub.directory.HeldSyncRun;
import io.audiencehub.directory.MemberAnswer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.function.LongFunction;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Connections as the Directory shows them: health, audiences with their counts, member look-ups, and the guard on
 * sudden audience changes with the runs it held.
 */
@RestController
@RequestMapping(path = ApiDocs.BASE, produces = ApiDocs.JSON)
@SecurityRequirement(name = ApiDocs.API_KEY)
@Tag(name = "Connectors and audiences")
class ConnectorApiController {

    /**
     * @param provider the catalogue's name of the source: Heap Analytics, Mixpanel, Custom source or CSV audiences
     * @param tokenId the provider's id for the connection: Heap's {@code id_token}, a custom source's or a Mixpanel
     *                connector's source id (in its webhook URL)
     * @param health {@code WAITING} (no sync yet), {@code HEALTHY}, {@code STALE} (no sync for longer than
     *               the configured time) or {@code FAILING}; {@code healthReason} says why
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record ConnectorItem(long id, String name, String provider, String state, boolean validated, String tokenId,
                         String environment, long audiences, long availableAudiences, Instant lastSyncAt,
                         String lastRun, DirectoryEntry.Health health, String healthReason) {

        static ConnectorItem of(DirectoryEntry entry) {
            return new ConnectorItem(entry.connectorId(), entry.name(), entry.providerName(), entry.state(),
                    entry.validated(), entry.tokenId(), entry.environmentName(), entry.audiences(),
                    entry.availableAudiences(), entry.lastSyncAt(), entry.lastRun(), entry.health(), entry.healthReason());
        }
    }

    /**
     * @param audienceKey the source's own key for the audience: a Heap or custom source segment id, a Mixpanel
     *                    cohort id, a CSV audience's name in lower case
     * @param providerSegmentId the audience key as a number, when it is one (a Heap segment id); null for a
     *                          CSV audience. Kept for the clients that read it; read {@code audience_key}.
     * @param hiddenReason why targeting does not offer it (no member is a known visitor), null when it does
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record AudienceItem(long id, String name, String audienceKey, @Deprecated Long providerSegmentId, long members,
                        long knownVisitors, boolean available, String hiddenReason, Instant lastSyncAt) {

        private static final Pattern NUMBER = Pattern.compile("[0-9]{1,18}");

        static AudienceItem of(ConnectionAudience audience) {
            String key = audience.audienceKey();
            return new AudienceItem(audience.id(), audience.name(), key,
                    NUMBER.matcher(key).matches() ? Long.valueOf(key) : null, audience.memberCount(),
                    audience.matchedCount(), audience.hiddenReason() == null, audience.hiddenReason(),
                    audience.lastSyncAt());
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record MemberItem(long audienceId, String visitorId, boolean member, boolean knownVisitor) {
    }

    /** A connector's guard on sudden audience changes (docs/segment-sync.md); left out on a change: as it is. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record GuardBody(Boolean enabled, Integer maxRemovedPercent, Integer maxGrowthFactor) {

        static GuardBody of(GuardSettings settings) {
            return new GuardBody(settings.enabled(), settings.maxRemovedPercent(), settings.maxGrowthFactor());
        }
    }

    /**
     * @param status {@code HELD} (waiting for an admin; the audience's later runs wait behind it), {@code APPROVED}
     *               (being applied as one change), {@code APPLIED} or {@code REJECTED} (discarded)
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record HeldRunItem(long id, String audience, String syncTaskId, long membersBefore, long added, long removed,
                       String reason, List<String> sampleAdded, List<String> sampleRemoved, Instant heldAt,
                       String status, String decidedBy, Instant decidedAt) {

        static HeldRunItem of(HeldSyncRun run) {
            return new HeldRunItem(run.id(), run.audience(), run.syncTaskId(), run.membersBefore(), run.added(),
                    run.removed(), run.reason(), run.sampleAdded(), run.sampleRemoved(), run.heldAt(), run.status(),
                    run.decidedBy(), run.decidedAt());
        }
    }

    private final DirectoryService directory;

    ConnectorApiController(DirectoryService directory) {
        this.directory = directory;
    }

    @Operation(summary = "Every connection, with its state, health and audience counts")
    @GetMapping("/connectors")
    ApiPage<ConnectorItem> connectors(@RequestParam(defaultValue = "0") int offset,
                                      @RequestParam(defaultValue = Paging.DEFAULT_LIMIT) int limit) {
        Paging paging = new Paging(offset, limit);
        return new ApiPage<>(directory.page(paging.offset(), paging.limit()).stream().map(ConnectorItem::of).toList(),
                directory.count(), offset, limit);
    }

    @Operation(summary = "One connection")
    @GetMapping("/connectors/{connectorId}")
    ConnectorItem connector(@PathVariable long connectorId) {
        return directory.entry(connectorId).map(ConnectorItem::of)
                .orElseThrow(() -> ApiProblem.notFound("Connector " + connectorId));
    }

    @Operation(summary = "A connection's audiences with their member and known-visitor counts, empty ones included",
            description = "`name` keeps the audiences whose name contains it.")
    @GetMapping("/connectors/{connectorId}/audiences")
    ApiPage<AudienceItem> audiences(@PathVariable long connectorId, @RequestParam(required = false) String name,
                                    @RequestParam(defaultValue = "0") int offset,
                                    @RequestParam(defaultValue = Paging.DEFAULT_LIMIT) int limit) {
        Paging paging = new Paging(offset, limit);
        connector(connectorId);
        return new ApiPage<>(directory.audiences(connectorId, name, paging.offset(), paging.limit()).stream()
                .map(AudienceItem::of).toList(), directory.countAudiences(connectorId, name), offset, limit);
    }

    @Operation(summary = "One audience with its counts")
    @GetMapping("/audiences/{audienceId}")
    AudienceItem audience(@PathVariable long audienceId) {
        return directory.audience(audienceId).map(AudienceItem::of)
                .orElseThrow(() -> ApiProblem.notFound("Audience " + audienceId));
    }

    @Operation(summary = "Whether a visitor id is a member of an audience, and whether the hub knows that visitor")
    @GetMapping("/audiences/{audienceId}/members/{visitorId}")
    MemberItem member(@PathVariable long audienceId, @PathVariable String visitorId) {
        audience(audienceId);
        MemberAnswer answer = directory.lookUp(audienceId, visitorId);
        return new MemberItem(audienceId, visitorId, answer.member(), answer.knownVisitor());
    }

    @Operation(summary = "A connection's guard on sudden audience changes")
    @GetMapping("/connectors/{connectorId}/guard")
    GuardBody guard(@PathVariable long connectorId) {
        connector(connectorId);
        return GuardBody.of(directory.guardOf(connectorId));
    }

    @Operation(summary = "Sets a connection's guard on sudden audience changes (audited)",
            description = "Needs the Connectors scope. Fields left out stay as they are.")
    @PutMapping(path = "/connectors/{connectorId}/guard", consumes = ApiDocs.JSON)
    GuardBody setGuard(@PathVariable long connectorId, @RequestBody GuardBody body) {
        GuardBody current = guard(connectorId);
        return GuardBody.of(directory.setGuard(connectorId, new GuardSettings(
                body.enabled() == null ? current.enabled() : body.enabled(),
                body.maxRemovedPercent() == null ? current.maxRemovedPercent() : body.maxRemovedPercent(),
                body.maxGrowthFactor() == null ? current.maxGrowthFactor() : body.maxGrowthFactor())));
    }

    @Operation(summary = "The sync runs the guard held on a connection, the latest first, decided ones included")
    @GetMapping("/connectors/{connectorId}/held-runs")
    List<HeldRunItem> heldRuns(@PathVariable long connectorId) {
        connector(connectorId);
        return directory.heldRuns(connectorId).stream().map(HeldRunItem::of).toList();
    }

    @Operation(summary = "Approves a held run: applied as one change, the audience's later runs after it (audited)",
            description = "Needs the Connectors scope; 409 when it was decided meanwhile.")
    @PostMapping("/connectors/{connectorId}/held-runs/{holdId}/approve")
    HeldRunItem approve(@PathVariable long connectorId, @PathVariable long holdId) {
        return decide(connectorId, holdId, directory::approve);
    }

    @Operation(summary = "Rejects a held run: discarded, nothing of it applied (audited)",
            description = "Needs the Connectors scope; 409 when it was decided meanwhile.")
    @PostMapping("/connectors/{connectorId}/held-runs/{holdId}/reject")
    HeldRunItem reject(@PathVariable long connectorId, @PathVariable long holdId) {
        return decide(connectorId, holdId, directory::reject);
    }

    private HeldRunItem decide(long connectorId, long holdId, LongFunction<HeldSyncRun> decision) {
        if (heldRuns(connectorId).stream().noneMatch(run -> run.id() == holdId)) {
            throw ApiProblem.notFound("Held run " + holdId + " of connector " + connectorId);
        }
        try {
            return HeldRunItem.of(decision.apply(holdId));
        } catch (IllegalStateException decidedMeanwhile) {
            throw new ApiProblem(HttpStatus.CONFLICT, decidedMeanwhile.getMessage());
        }
    }
}
