package io.audiencehub.sync;

import io.audiencehub.audience.ChangedMembers;
import io.audiencehub.audience.MemberErased;
import io.audiencehub.audience.MemberSet;
import io.audiencehub.sync.SyncRepository.AppliedPage;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Removes an erased member's id from the pages that kept it (a run's added and removed ids). The erasure's
 * transaction records the request ({@code sync_id_scrub}), so that none is lost; one hub of a cluster carries
 * the requests out within seconds, reading only the pages whose changed members hold an erased one. Until
 * then no download shows the id ({@link SyncRunChanges} leaves erased members out).
 */
@Component
class ErasedIdsScrub {

    private static final Logger log = LoggerFactory.getLogger(ErasedIdsScrub.class);
    private static final int PAGES_PER_READ = 500;

    private final SyncRepository sync;
    private final ChangedMembers members;
    private final TransactionTemplate transaction;
    private final Clock clock;

    ErasedIdsScrub(SyncRepository sync, ChangedMembers members, TransactionTemplate transaction, Clock clock) {
        this.sync = sync;
        this.members = members;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** Runs in the erasure's transaction: the request commits with it. */
    @EventListener
    void on(MemberErased erased) {
        sync.requestScrub(erased.member(), clock.instant());
    }

    @Scheduled(fixedDelay = 5, initialDelay = 5, timeUnit = TimeUnit.SECONDS)
    @SchedulerLock(name = "sync-erased-ids-scrub", lockAtMostFor = "PT30M")
    void scrubOnOneHub() {
        scrub();
    }

    /** Carries out the requests recorded so far; returns from how many pages it removed ids. */
    int scrub() {
        List<SyncRepository.ScrubRequest> requests = transaction.execute(status -> sync.scrubRequests());
        if (requests.isEmpty()) {
            return 0;
        }
        MemberSet erased = MemberSet.union(requests.stream().map(request -> MemberSet.fromBytes(request.member()))
                .toList());
        int scrubbed = 0;
        long after = 0;
        List<AppliedPage> pages;
        do {
            long from = after;
            pages = transaction.execute(status -> sync.changingPagesAfter(from, PAGES_PER_READ));
            for (AppliedPage page : pages) {
                if (holds(page.entered(), erased) || holds(page.left(), erased)) {
                    scrubbed += transaction.execute(status -> scrub(page.id())) ? 1 : 0;
                }
                after = page.id();
            }
        } while (pages.size() == PAGES_PER_READ);
        transaction.executeWithoutResult(status -> sync.deleteScrubRequests(requests.stream()
                .map(SyncRepository.ScrubRequest::id).toList()));
        log.info("Removed the ids of {} erased members from {} sync pages", requests.size(), scrubbed);
        return scrubbed;
    }

    private boolean scrub(long pageId) {
        PageIds kept = sync.pageIds(pageId);
        PageIds remaining = new PageIds(kept.added().stream().filter(id -> !members.isErased(id)).toList(),
                kept.removed().stream().filter(id -> !members.isErased(id)).toList());
        if (remaining.size() == kept.size()) {
            return false;
        }
        sync.replacePageIds(pageId, remaining);
        return true;
    }

    private static boolean holds(byte[] changed, MemberSet erased) {
        return changed != null && MemberSet.fromBytes(changed).intersects(erased);
    }
}
