package io.audiencehub.segment;

/** An EXTERNAL DATA palette item: one validated connector, labelled "Heap Analytics - its name". */
public record ExternalSource(long connectorId, String label) {
}
