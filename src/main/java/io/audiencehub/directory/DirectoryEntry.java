package io.audiencehub.directory;

import io.audiencehub.connector.Connector;
import io.audiencehub.sync.ConnectorSyncStatus;

/** One established connection as the Directory lists it. */
public record DirectoryEntry(Connector connector, String providerName, long audiences, long availableAudiences,
                             ConnectorSyncStatus sync) {
}
