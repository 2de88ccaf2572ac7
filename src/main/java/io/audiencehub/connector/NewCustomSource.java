package io.audiencehub.connector;

/** A custom source just created, or given a new secret: {@code signingSecret} is shown this once and kept only encrypted. */
public record NewCustomSource(Connector connector, String signingSecret) {
}
