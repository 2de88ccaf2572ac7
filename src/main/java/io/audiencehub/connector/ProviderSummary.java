package io.audiencehub.connector;

/**
 * The provider a connector page is about, as the catalogue describes it.
 *
 * @param page where the hub shows it, under {@code integrations/hub/}: its id, or for a Push entry the
 *             Push page of the source it tells
 */
public record ProviderSummary(String id, String name, String description, String logo, boolean available,
                              String page) {
}
