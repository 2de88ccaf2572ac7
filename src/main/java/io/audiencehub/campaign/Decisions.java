package io.audiencehub.campaign;

import java.util.List;

/**
 * What a visitor gets: the running campaigns it falls into, each with its variation.
 *
 * @param pushToHeap whether the tag tells Heap which campaigns the visitor sees (Heap under Push)
 * @param stale true when this hub had not loaded the imported audiences yet: campaigns whose segments
 *              read them were left out rather than answered as if every audience were empty
 */
public record Decisions(String visitorId, List<Decision> campaigns, boolean stale, boolean pushToHeap) {

    /**
     * One campaign's decision: the variation and its payload ({@code json}, or {@code selector} and
     * {@code html}; none for the Original), and the targeted segments the visitor is in.
     */
    public record Decision(long campaignId, String campaign, String variationKey, String variation, String json,
                           String selector, String html, List<Long> matchedSegments) {
    }
}
