package io.audiencehub.campaign;

import java.util.ArrayList;
import java.util.List;

/**
 * Sticky exposure held in memory only, for deciders under test and the decision benchmark: what
 * {@link ExposureKeeper} does, less the database.
 */
final class KeptInMemory implements Decider.Keeping {

    final Exposures exposures;
    /** "campaign/variation key" of each visitor that entered, in order, when recording. */
    final List<String> entered = new ArrayList<>();
    /** "campaign: outside" or "campaign: inside" of each kept visitor whose segments changed, when recording. */
    final List<String> moved = new ArrayList<>();
    private final boolean recording;
    boolean loaded = true;

    /** Records what decisions tell it, for tests to read. */
    KeptInMemory() {
        this(new Exposures(), true);
    }

    /** @param recording false for a benchmark, which decides too often to keep a record of it */
    KeptInMemory(Exposures exposures, boolean recording) {
        this.exposures = exposures;
        this.recording = recording;
    }

    @Override
    public boolean loaded() {
        return loaded;
    }

    @Override
    public long[] heldBy(long visitorKey) {
        return exposures.of(visitorKey);
    }

    @Override
    public void entered(long visitorKey, Campaign campaign, Variation variation, long variationKeyHash) {
        if (exposures.keep(visitorKey, campaign.id(), variationKeyHash, false, false) && recording) {
            entered.add(campaign.name() + "/" + variation.key());
        }
    }

    @Override
    public void outsideSegments(long visitorKey, long campaignId, boolean outside) {
        if (exposures.markOutsideSegments(visitorKey, campaignId, outside) && recording) {
            moved.add(campaignId + ": " + (outside ? "outside" : "inside"));
        }
    }
}
