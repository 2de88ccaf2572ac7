package io.audiencehub.campaign;

import io.audiencehub.audience.AudienceService;
import io.audiencehub.campaign.Decider.Snapshot;
import io.audiencehub.segment.SegmentExplainer;
import io.audiencehub.segment.VisitorContext;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Why a visitor gets each running campaign or not (docs/decisions.md, "Explanations"): computed on
 * request from the snapshot the decisions use, so that it answers as they do and costs them nothing.
 */
@Service
public class DecisionExplainer {

    private final DecisionService decisions;
    private final DecisionRequestReader requests;
    private final SegmentExplainer segments;
    private final AudienceService audiences;
    private final ExposureKeeper exposures;
    private final Clock clock;

    DecisionExplainer(DecisionService decisions, DecisionRequestReader requests, SegmentExplainer segments,
                      AudienceService audiences, ExposureKeeper exposures, Clock clock) {
        this.exposures = exposures;
        this.decisions = decisions;
        this.requests = requests;
        this.segments = segments;
        this.audiences = audiences;
        this.clock = clock;
    }

    /**
     * The explanation for the visitor on the page described, now.
     *
     * @throws IllegalArgumentException naming the field that cannot be read (a visitor id, a device, ...)
     */
    @PreAuthorize("isAuthenticated()")
    public Explanation explain(String visitorId, PageContext page) {
        Instant now = clock.instant();
        VisitorContext visitor;
        try {
            visitor = requests.visitor(new DecisionRequest(visitorId, new DecisionRequest.Context(page.url(),
                    page.device(), page.browser(), page.language(), page.country(), page.cookies(), page.returning(),
                    null), null), now);
        } catch (DecisionRequestReader.Refused refused) {
            throw new IllegalArgumentException(refused.getMessage(), refused);
        }
        VisitorContext given = page.cookies() == null ? new VisitorContext(visitor.visitorId(), visitor.returning(),
                visitor.device(), visitor.browser(), visitor.language(), visitor.country(), visitor.url(), null,
                visitor.at()) : visitor;
        return explain(decisions.snapshot(), given, now, given(page));
    }

    /** The explanation from {@code snapshot}: the one a decision just used, for an API client that asked for both. */
    Explanation explain(Snapshot snapshot, VisitorContext visitor, Instant now, List<String> contextGiven) {
        long visitorKey = Exposures.visitorKey(visitor.visitorId());
        return new Explanation(visitor.visitorId(), contextGiven, Decider.explain(snapshot, visitor, now,
                audiences.isLoaded(), segments.explain(snapshot.definitions(), visitor), exposures.heldBy(visitorKey),
                exposures.enteredAt(visitorKey)));
    }

    /** What a decision request's context gave, for its explanation. */
    static List<String> given(DecisionRequest.Context context) {
        return context == null ? List.of() : given(new PageContext(context.url(), context.device(), context.browser(),
                context.language(), context.country(), context.returning(), context.cookies()));
    }

    static List<String> given(PageContext page) {
        List<String> given = new ArrayList<>();
        add(given, "url", page.url());
        add(given, "device", page.device());
        add(given, "browser", page.browser());
        add(given, "language", page.language());
        add(given, "country", page.country());
        add(given, "returning", page.returning());
        add(given, "cookies", page.cookies());
        return List.copyOf(given);
    }

    private static void add(List<String> given, String field, Object value) {
        if (value != null) {
            given.add(field);
        }
    }
}
