package io.audiencehub.sync;

import io.audiencehub.audience.ChangedMembers;
import io.audiencehub.audience.MemberSet;
import io.audiencehub.sync.SyncRepository.AppliedPage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which members each kept run brought into an audience and left out of it: the ids of a run's changes, and
 * for one member, since which run it is in an audience and which it left recently. Read from what the pages
 * kept ({@code sync_page_ids} and the pages' changed members), for as long as the sync history keeps them.
 * An erased visitor appears in none of the answers.
 */
@Service
public class SyncRunChanges {

    /** How far back "left recently" looks. */
    public static final Duration RECENTLY = Duration.ofDays(30);
    private static final int PAGES_PER_READ = 50;
    /** The most pages read to answer for one member, so that an inspection stays quick on a long history. */
    private static final int PAGES_SEARCHED = 5_000;

    /** A run's ids written: those added, those removed, and the removed members whose ids are no longer kept. */
    public record Written(long added, long removed, long removedUnnamed) {
    }

    /** The run that brought a member into an audience: its sync task and when its page was applied. */
    public record Entry(String syncTaskId, Instant at) {
    }

    /** A run that left a member out of an audience. */
    public record Departure(long connectorId, String audienceKey, String syncTaskId, Instant at) {
    }

    private final SyncRepository sync;
    private final ChangedMembers members;
    private final Clock clock;

    SyncRunChanges(SyncRepository sync, ChangedMembers members, Clock clock) {
        this.sync = sync;
        this.members = members;
        this.clock = clock;
    }

    /**
     * Writes the ids a run added and removed as CSV ({@code change,id}: {@code added} or {@code removed}), as its
     * pages kept them. A run that replaced the members removed those it left out without naming them: their ids
     * are looked for in the audience's earlier kept pages, and those found nowhere are counted, not written.
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public Written writeCsv(long connectorId, String syncTaskId, Writer out) {
        List<AppliedPage> pages = sync.appliedPages(connectorId, syncTaskId);
        boolean replacing = pages.stream().anyMatch(AppliedPage::replacesMembers);
        MemberSet leftToName = MemberSet.union(pages.stream().map(AppliedPage::left).filter(Objects::nonNull)
                .map(MemberSet::fromBytes).toList());
        long added = 0;
        long removed = 0;
        try {
            CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader("change", "id").get());
            for (AppliedPage page : pages) {
                PageIds ids = sync.pageIds(page.id());
                added += print(csv, "added", ids.added());
                removed += print(csv, "removed", ids.removed());
                if (replacing) {
                    leftToName = leftToName.without(members.setOf(ids.removed()));
                }
            }
            if (replacing && !leftToName.isEmpty()) {
                String audienceKey = sync.run(connectorId, syncTaskId).orElseThrow().audienceKey();
                for (AppliedPage page : newestFirst(connectorId, audienceKey, pages.get(0).id())) {
                    List<String> outOf = members.among(sync.pageIds(page.id()).added(), leftToName);
                    removed += print(csv, "removed", outOf);
                    leftToName = leftToName.without(members.setOf(outOf));
                    if (leftToName.isEmpty()) {
                        break;
                    }
                }
            }
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the ids of sync " + syncTaskId, e);
        }
        return new Written(added, removed, replacing ? leftToName.size() : 0);
    }

    /**
     * The latest kept run that brought the member into the audience; empty when none of the kept runs did
     * (it came in before the history kept, or the run is older than what the search reads).
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Optional<Entry> entryOf(String memberId, long connectorId, String audienceKey) {
        for (AppliedPage page : newestFirst(connectorId, audienceKey, Long.MAX_VALUE)) {
            if (page.entered() != null && members.isIn(memberId, MemberSet.fromBytes(page.entered()))) {
                return Optional.of(new Entry(page.syncTaskId(), page.appliedAt()));
            }
        }
        return Optional.empty();
    }

    /** The audiences runs left the member out of in the last {@link #RECENTLY}, each once: its latest departure. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<Departure> departuresOf(String memberId) {
        Map<String, Departure> latest = new LinkedHashMap<>();
        for (SyncRepository.Departure page : sync.departuresSince(clock.instant().minus(RECENTLY), PAGES_SEARCHED)) {
            String audience = page.connectorId() + "/" + page.audienceKey();
            if (!latest.containsKey(audience) && members.isIn(memberId, MemberSet.fromBytes(page.left()))) {
                latest.put(audience, new Departure(page.connectorId(), page.audienceKey(), page.syncTaskId(),
                        page.appliedAt()));
            }
        }
        return new ArrayList<>(latest.values());
    }

    /**
     * The audience's applied pages before {@code beforePageId}, the latest first, read {@value #PAGES_PER_READ} at a
     * time as the caller goes on, {@value #PAGES_SEARCHED} at the most.
     */
    private Iterable<AppliedPage> newestFirst(long connectorId, String audienceKey, long beforePageId) {
        return () -> new Iterator<>() {
            private List<AppliedPage> read = List.of();
            private int next;
            private int given;
            private long before = beforePageId;

            @Override
            public boolean hasNext() {
                if (next == read.size() && given < PAGES_SEARCHED && (given == 0 || read.size() == PAGES_PER_READ)) {
                    read = sync.appliedPagesBefore(connectorId, audienceKey, before, PAGES_PER_READ);
                    next = 0;
                }
                return next < read.size() && given < PAGES_SEARCHED;
            }

            @Override
            public AppliedPage next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                AppliedPage page = read.get(next++);
                given++;
                before = page.id();
                return page;
            }
        };
    }

    /** Prints the ids of those not erased since; returns how many. */
    private long print(CSVPrinter csv, String change, List<String> ids) throws IOException {
        long printed = 0;
        for (String id : ids) {
            if (!members.isErased(id)) {
                csv.printRecord(change, id);
                printed++;
            }
        }
        return printed;
    }
}
