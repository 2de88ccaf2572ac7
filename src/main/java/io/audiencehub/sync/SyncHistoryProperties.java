package io.audiencehub.sync;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How long the history of syncs is kept: every run with its added, removed and the audience's counts
 * after it, and its pages' record.
 *
 * @param retention runs whose latest page arrived longer ago are deleted (90 days unless set)
 */
@ConfigurationProperties("audiencehub.sync.history")
@Validated
public record SyncHistoryProperties(@NotNull @DefaultValue("90d") Duration retention) {
}
