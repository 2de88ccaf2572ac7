package io.audiencehub.audience;

import io.audiencehub.security.ApiKeyScope;
import io.audiencehub.security.CurrentActor;
import io.audiencehub.visitor.VisitorService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Erasure of a visitor on request: it leaves the visitor registry at once and every audience and
 * count as soon as the audience writer applies it (within a round, on any hub), and its member key
 * stays suppressed so that no later sync brings it back, until an admin lifts it. Only the member key
 * is kept and audited, never the id.
 */
@Service
public class ErasureService {

    private static final Duration APPLY_WAIT = Duration.ofSeconds(5);

    private final ErasureRepository erasures;
    private final MemberKeys keys;
    private final VisitorService visitors;
    private final AudienceLoop loop;
    private final SuppressedKeys suppressed;
    private final CurrentActor actor;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    /** The longest id a source may deliver: every member a sync can add can be erased. */
    private final int maxIdLength;

    ErasureService(ErasureRepository erasures, MemberKeys keys, VisitorService visitors, AudienceLoop loop,
                   SuppressedKeys suppressed, CurrentActor actor, TransactionTemplate transaction, Clock clock,
                   ApplicationEventPublisher events, @Value("${audiencehub.sync.max-id-length}") int maxIdLength) {
        this.events = events;
        this.maxIdLength = maxIdLength;
        this.suppressed = suppressed;
        this.erasures = erasures;
        this.keys = keys;
        this.visitors = visitors;
        this.loop = loop;
        this.actor = actor;
        this.transaction = transaction;
        this.clock = clock;
    }

    /**
     * Erases the visitor and waits up to 5 s for the writer to remove it from every audience; the
     * suppression says whether it has ({@code appliedAt}) and from how many audiences.
     *
     * @throws IllegalArgumentException when no source could have sent the id, saying why
     */
    @PreAuthorize("hasRole('ADMIN') or hasAuthority('" + ApiKeyScope.ERASURE_AUTHORITY + "')")
    public Suppression erase(String visitorId) {
        if (visitorId == null || visitorId.isEmpty() || visitorId.length() > maxIdLength) {
            throw new IllegalArgumentException("visitorId: give the id as the source sends it (a site tag's visitor"
                    + " id, or a custom source's key such as an e-mail address), 1 to " + maxIdLength + " characters");
        }
        long key = keys.keyOf(visitorId);
        String by = actor.name();
        transaction.executeWithoutResult(status -> {
            Instant now = clock.instant();
            visitors.forget(visitorId);
            erasures.suppress(key, by, now);
            erasures.audit(key, ErasureAuditEntry.ERASED, by, now);
            events.publishEvent(new VisitorIdErased(visitorId));
        });
        // at once on this hub: a report of it buffered here is not stored again
        suppressed.add(key);
        return awaitWriter(key, suppression -> suppression.appliedAt() != null).orElseThrow();
    }

    /** Lets later syncs add the visitor again; the writer drops the suppression within a round. */
    @PreAuthorize("hasRole('ADMIN') or hasAuthority('" + ApiKeyScope.ERASURE_AUTHORITY + "')")
    public void lift(long memberKey) {
        String by = actor.name();
        transaction.executeWithoutResult(status -> {
            Instant now = clock.instant();
            if (!erasures.requestLift(memberKey, by, now)) {
                throw new IllegalArgumentException("No suppression of member " + String.format("%016x", memberKey)
                        + " is waiting to be lifted: it was lifted already, or never erased.");
            }
            erasures.audit(memberKey, ErasureAuditEntry.LIFTED, by, now);
        });
        awaitWriter(memberKey, suppression -> false);
    }

    @PreAuthorize("hasRole('ADMIN') or hasAuthority('" + ApiKeyScope.ERASURE_AUTHORITY + "')")
    public List<Suppression> suppressions(int offset, int limit) {
        return erasures.suppressions(offset, limit);
    }

    @PreAuthorize("hasRole('ADMIN') or hasAuthority('" + ApiKeyScope.ERASURE_AUTHORITY + "')")
    public int countSuppressions() {
        return erasures.countSuppressions();
    }

    @PreAuthorize("hasRole('ADMIN') or hasAuthority('" + ApiKeyScope.ERASURE_AUTHORITY + "')")
    public List<ErasureAuditEntry> audit(int offset, int limit) {
        return erasures.audit(offset, limit);
    }

    /** Nudges the writer and waits until the suppression is gone or {@code done}; returns it as it is then. */
    private Optional<Suppression> awaitWriter(long key, Predicate<Suppression> done) {
        loop.awaitWriter(() -> erasures.find(key).map(done::test).orElse(true), APPLY_WAIT);
        return erasures.find(key);
    }
}
