package io.audiencehub.connector;

import java.util.List;

/**
 * Implemented by features that keep data tied to a connector (audiences, segments): a connector is
 * deleted only while every implementation answers with nothing.
 */
public interface ConnectorUsage {

    /** Human sentences such as "12 audiences", empty when nothing of this feature depends on it. */
    List<String> usagesOf(long connectorId);
}
