package io.audiencehub.segment.ui;

/** What a palette item carries while it is dragged: the criterion type, and for EXTERNAL DATA its connector. */
record PaletteItem(CriterionType type, long connectorId, String label) {
}
