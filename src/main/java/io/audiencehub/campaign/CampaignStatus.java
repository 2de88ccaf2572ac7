package io.audiencehub.campaign;

import java.util.Set;

/** Where a campaign is in its life, and where it may go from there. */
public enum CampaignStatus {
    DRAFT, RUNNING, PAUSED, ENDED;

    /** Draft to running, running and paused back and forth, anything but ended to ended; ended is final. */
    public Set<CampaignStatus> next() {
        return switch (this) {
            case DRAFT -> Set.of(RUNNING, ENDED);
            case RUNNING -> Set.of(PAUSED, ENDED);
            case PAUSED -> Set.of(RUNNING, ENDED);
            case ENDED -> Set.of();
        };
    }

    public String label() {
        return name().charAt(0) + name().substring(1).toLowerCase();
    }
}
