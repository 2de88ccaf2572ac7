package io.audiencehub.segment;

import io.audiencehub.connector.ConnectorUsage;
import java.util.List;
import org.springframework.stereotype.Component;

/** A connector named by a segment's EXTERNAL DATA criterion is not deleted. */
@Component
class SegmentConnectorUsage implements ConnectorUsage {

    private final SegmentRepository segments;

    SegmentConnectorUsage(SegmentRepository segments) {
        this.segments = segments;
    }

    @Override
    public List<String> usagesOf(long connectorId) {
        int count = segments.countUsingConnector(connectorId);
        return count == 0 ? List.of() : List.of(count == 1 ? "1 segment" : count + " segments");
    }
}
