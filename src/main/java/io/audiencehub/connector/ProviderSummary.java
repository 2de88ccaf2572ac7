package io.audiencehub.connector;

/** The provider a connector page is about, as the catalogue describes it. */
public record ProviderSummary(String id, String name, String description, String logo, boolean available) {
}
