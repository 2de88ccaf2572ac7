package io.audiencehub.audience;

import io.audiencehub.connector.ConnectorUsage;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Audiences imported from providers: the one way other features read and change them.
 * <ul>
 *   <li>Reads come from the database ({@link AudienceRepository}) or, for membership, from memory
 *       ({@link AudienceStore}).</li>
 *   <li>Changes go through the {@link AudienceWriter} on the instance the {@link WriterElection} chose.</li>
 *   <li>In the background: the {@link AudienceLoop} (load, writer claim, first sightings counted by
 *       {@link FirstSightings}, standby reloads) and the {@link Reconciler}.</li>
 * </ul>
 * {@code member_count} and {@code matched_count} (members who are known visitors) are kept exact
 * incrementally, and reconciliation fixes any drift.
 */
@Service
public class AudienceService implements ConnectorUsage {

    private final AudienceRepository audiences;
    private final AudienceStore store;
    private final MemberKeys keys;
    private final AudienceWriter writer;
    private final WriterElection election;
    private final Reconciler reconciler;
    private final FirstSightings sightings;
    private final AudienceLoop loop;

    AudienceService(AudienceRepository audiences, AudienceStore store, MemberKeys keys, AudienceWriter writer,
                    WriterElection election, Reconciler reconciler, FirstSightings sightings, AudienceLoop loop) {
        this.audiences = audiences;
        this.store = store;
        this.keys = keys;
        this.writer = writer;
        this.election = election;
        this.reconciler = reconciler;
        this.sightings = sightings;
        this.loop = loop;
    }

    /** The members a provider sent in and out, in the form a change carries and a page is stored in. */
    public MemberBatch memberBatch(List<String> added, List<String> removed) {
        return MemberBatch.of(keys.keysOf(added, removed), added.size());
    }

    /**
     * Applies one page of a source's sync inside the caller's transaction, creating the audience on its
     * first sync and following a renamed one. Nothing is visible to others before the commit.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public AppliedChange apply(AudienceChange change) {
        return writer.apply(change);
    }

    /** Whether this instance changes audiences: only one instance per database does, the others wait. */
    public boolean isWriter() {
        return election.isWriter();
    }

    /** Counts the first sightings queued so far; returns once every sighting queued before the call is counted. */
    public void writeFirstSightings() {
        sightings.write();
    }

    /** Recounts every audience and fixes drift; also counts sightings that were missed. */
    public Reconciliation reconcile() {
        return reconciler.reconcile();
    }

    /** Replaces what is in memory with what the database holds and recounts, as a new writer does. */
    void reload() {
        loop.takeOver();
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Optional<Audience> find(long audienceId) {
        return audiences.find(audienceId);
    }

    /** A connector's audience by the source's key for it. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Optional<Audience> find(long connectorId, String audienceKey) {
        return audiences.find(connectorId, audienceKey);
    }

    /** A connector's audiences by name; with {@code onlyAvailable}, those with a matched member. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<Audience> page(long connectorId, String nameContains, boolean onlyAvailable, int offset, int limit) {
        return audiences.page(connectorId, nameContains, onlyAvailable, offset, limit);
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public int count(long connectorId, String nameContains, boolean onlyAvailable) {
        return audiences.count(connectorId, nameContains, onlyAvailable);
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Map<Long, ConnectorAudiences> totals(Collection<Long> connectorIds) {
        Map<Long, ConnectorAudiences> totals = new HashMap<>();
        audiences.totals(connectorIds).forEach(total -> totals.put(total.connectorId(), total));
        return totals;
    }

    /** Audiences by id, for features that show several at once; absent ids are left out. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Map<Long, Audience> byIds(Collection<Long> audienceIds) {
        return audienceIds.isEmpty() ? Map.of() : audiences.byIds(audienceIds);
    }

    /** How many of these distinct ids are visitors the hub knows: whom an upload would match. */
    @PreAuthorize("isAuthenticated()")
    public long countKnownVisitors(Collection<String> distinctVisitorIds) {
        return distinctVisitorIds.stream().filter(id -> store.isKnownVisitor(keys.keyOf(id))).count();
    }

    /** Is this visitor (as the provider sends its id) a member of the audience? */
    @PreAuthorize("isAuthenticated()")
    public MemberLookup lookup(long audienceId, String visitorId) {
        return store.lookup(audienceId, keys.keyOf(visitorId));
    }

    /**
     * Whether this instance has loaded the audiences. Until it has, every audience would look empty, so
     * targeting must not answer from them.
     */
    public boolean isLoaded() {
        return store.isLoaded();
    }

    /** Whether a visitor is in an audience; targeting asks it for every decision, so it needs no sign-in. */
    public boolean isMember(long audienceId, String visitorId) {
        return store.lookup(audienceId, keys.keyOf(visitorId)).member();
    }

    /**
     * The ids of the audiences a visitor is in, ascending, looked up at once. Targeting asks it for
     * every decision, so it needs no sign-in.
     */
    public long[] audienceIdsOf(String visitorId) {
        return store.audiencesOf(keys.keyOf(visitorId)).clone();
    }

    /** How many known visitors the formula holds for, counted exactly on the members in memory. */
    @PreAuthorize("isAuthenticated()")
    public long knownVisitorsMatching(AudienceFormula formula) {
        return store.knownMatching(formula).getLongCardinality();
    }

    @Override
    public List<String> usagesOf(long connectorId) {
        int count = audiences.count(connectorId, "", false);
        return count == 0 ? List.of() : List.of(count == 1 ? "1 audience" : count + " audiences");
    }
}
