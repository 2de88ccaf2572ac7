package io.audiencehub.sync;

/**
 * Which audiences running campaigns target, as the feature that runs them knows it: the guard on sudden
 * audience changes holds only the runs of those ({@link SyncGuard}).
 */
public interface AudiencesInUse {

    boolean targetedByRunningCampaign(long audienceId);
}
