package io.audiencehub.audience;

import io.audiencehub.audience.OverrideRepository.Request;
import io.audiencehub.base.ConflictRetry;
import io.audiencehub.security.ApiKeyScope;
import io.audiencehub.security.CurrentActor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Manual includes and excludes: ids an admin keeps always in or always out of an audience, whatever its source
 * sends, across every sync and replacement. They count in the audience's members and matched visitors like
 * any member; an erasure removes the visitor from them. The audience writer applies each change within a
 * round, on any hub; every change is audited with its number of ids, never the ids.
 */
@Service
public class AudienceOverrideService {

    /** The most ids one change names, as many as a pasted column of a spreadsheet usually holds. */
    public static final int MAX_IDS_PER_CHANGE = 10_000;
    private static final Duration APPLY_WAIT = Duration.ofSeconds(5);
    private static final String ADMIN_OR_SCOPE = "hasRole('ADMIN') or hasAuthority('"
            + ApiKeyScope.AUDIENCES_AUTHORITY + "')";

    /**
     * What a change did.
     *
     * @param ids how many distinct ids it named (a removal: how many of them had an override)
     * @param applied whether the writer applied it before the answer; if not, it does within a round
     */
    public record OverrideChange(int ids, boolean applied) {
    }

    private final OverrideRepository overrides;
    private final AudienceRepository audiences;
    private final MemberKeys keys;
    private final SuppressedKeys suppressed;
    private final AudienceLoop loop;
    private final CurrentActor actor;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final int maxIdLength;
    private final int maxPerAudience;

    AudienceOverrideService(OverrideRepository overrides, AudienceRepository audiences, MemberKeys keys,
                            SuppressedKeys suppressed, AudienceLoop loop, CurrentActor actor,
                            TransactionTemplate transaction, Clock clock,
                            @Value("${audiencehub.sync.max-id-length}") int maxIdLength,
                            @Value("${audiencehub.audiences.max-overrides}") int maxPerAudience) {
        this.overrides = overrides;
        this.audiences = audiences;
        this.keys = keys;
        this.suppressed = suppressed;
        this.loop = loop;
        this.actor = actor;
        this.transaction = transaction;
        this.clock = clock;
        this.maxIdLength = maxIdLength;
        this.maxPerAudience = maxPerAudience;
    }

    /**
     * Keeps the ids always in (or always out of) the audience, whatever list they were on; waits up to 5 s for
     * the writer to apply it.
     *
     * @throws IllegalArgumentException naming the first ids that cannot be, and why; then nothing is changed
     */
    @PreAuthorize(ADMIN_OR_SCOPE)
    public OverrideChange add(long audienceId, OverrideRule rule, List<String> ids) {
        List<String> distinct = checked(audienceId, ids);
        List<Request> requests = new ArrayList<>(distinct.size());
        List<String> erased = new ArrayList<>();
        for (int index = 0; index < distinct.size(); index++) {
            long key = keys.keyOf(distinct.get(index));
            if (suppressed.contains(key)) {
                erased.add(quoted(distinct.get(index)));
            }
            requests.add(new Request(key, distinct.get(index)));
        }
        if (!erased.isEmpty()) {
            throw new IllegalArgumentException(count(erased.size()) + " of these were erased and can be in no"
                    + " audience (" + String.join(", ", erased.subList(0, Math.min(5, erased.size())))
                    + (erased.size() > 5 ? ", ..." : "") + "): leave them out, or lift their erasure first."
                    + " Nothing was changed.");
        }
        String by = actor.name();
        ConflictRetry.executeWithoutResult(transaction, status -> {
            Instant now = clock.instant();
            overrides.request(audienceId, requests, rule, by, now);
            long kept = overrides.counts(audienceId).total();
            if (kept > maxPerAudience) {
                throw new IllegalArgumentException("An audience keeps at most " + maxPerAudience + " ids always in"
                        + " or always out (audiencehub.audiences.max-overrides); this change would make it "
                        + kept + ". Remove some first. Nothing was changed.");
            }
            overrides.audit(audienceId, rule.name(), requests.size(), memberKeyOfOne(requests), by, now);
        });
        return new OverrideChange(requests.size(), loop.awaitWriter(() -> !overrides.anyPending(audienceId), APPLY_WAIT));
    }

    /**
     * Lets the audience's source decide again for these ids: each leaves its list, and is a member again if its
     * source's membership holds it. Waits up to 5 s for the writer to apply it.
     *
     * @throws IllegalArgumentException when none of them has an override, or the ids are not valid
     */
    @PreAuthorize(ADMIN_OR_SCOPE)
    public OverrideChange remove(long audienceId, List<String> ids) {
        List<String> distinct = checked(audienceId, ids);
        List<Long> memberKeys = distinct.stream().map(keys::keyOf).toList();
        String by = actor.name();
        int removed = ConflictRetry.execute(transaction, status -> {
            Instant now = clock.instant();
            int had = overrides.requestRemoval(audienceId, memberKeys, by, now);
            if (had == 0) {
                throw new IllegalArgumentException(distinct.size() == 1
                        ? quoted(distinct.get(0)) + " is neither always in nor always out of this audience."
                        : "None of these " + distinct.size() + " ids is always in or always out of this audience.");
            }
            overrides.audit(audienceId, OverrideAuditEntry.REMOVED, had,
                    had == 1 && memberKeys.size() == 1 ? memberKeys.get(0) : null, by, now);
            return had;
        });
        return new OverrideChange(removed, loop.awaitWriter(() -> !overrides.anyPending(audienceId), APPLY_WAIT));
    }

    /** The audience's overridden ids by id, changes not yet applied included; with {@code rule}, one list. */
    @PreAuthorize(ADMIN_OR_SCOPE)
    public List<AudienceOverride> page(long audienceId, OverrideRule rule, int offset, int limit) {
        return overrides.page(audienceId, rule, offset, limit);
    }

    @PreAuthorize("isAuthenticated()")
    public OverrideCounts counts(long audienceId) {
        return overrides.counts(audienceId);
    }

    @PreAuthorize("isAuthenticated()")
    public List<OverrideAuditEntry> audit(long audienceId, int offset, int limit) {
        return overrides.audit(audienceId, offset, limit);
    }

    /** The distinct ids, in the order given, once the audience and every id are known to be valid. */
    private List<String> checked(long audienceId, List<String> ids) {
        if (audiences.find(audienceId).isEmpty()) {
            throw new IllegalArgumentException("Audience " + audienceId + " does not exist: pick one of a"
                    + " connection's audiences.");
        }
        List<String> distinct = new ArrayList<>(new LinkedHashSet<>(ids == null ? List.of() : ids));
        if (distinct.isEmpty()) {
            throw new IllegalArgumentException("ids: give at least one id, as the audience's source sends it.");
        }
        if (distinct.size() > MAX_IDS_PER_CHANGE) {
            throw new IllegalArgumentException("ids: at most " + MAX_IDS_PER_CHANGE + " ids at a time; these are "
                    + distinct.size() + ". Split them into several changes.");
        }
        for (int index = 0; index < distinct.size(); index++) {
            String id = distinct.get(index);
            if (id == null || id.isBlank() || id.length() > maxIdLength || !id.equals(id.strip())) {
                throw new IllegalArgumentException("ids: the " + ordinal(index + 1) + " id "
                        + (id == null ? "is missing" : quoted(id) + " is not one a source sends") + ": an id is 1 to "
                        + maxIdLength + " characters, without spaces around it. Nothing was changed.");
            }
        }
        return distinct;
    }

    private static Long memberKeyOfOne(List<Request> requests) {
        return requests.size() == 1 ? requests.get(0).memberKey() : null;
    }

    private static String quoted(String id) {
        return "\"" + (id.length() > 40 ? id.substring(0, 40) + "..." : id) + "\"";
    }

    private static String count(int ids) {
        return ids == 1 ? "1 id" : ids + " ids";
    }

    private static String ordinal(int position) {
        int lastTwo = position % 100;
        String suffix = lastTwo >= 11 && lastTwo <= 13 ? "th" : switch (position % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
        return position + suffix;
    }

}
