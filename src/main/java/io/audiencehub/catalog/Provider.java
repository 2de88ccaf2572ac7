package io.audiencehub.catalog;

/**
 * A provider the Integration Hub lists. Only an {@code available} provider has a working connector;
 * the others are shown as "not available yet".
 *
 * @param tells for a Push entry, the Pull provider whose connectors the site tag tells which campaigns
 *              visitors see; null for a Pull entry
 */
public record Provider(String id, String name, Direction direction, AuthType auth, boolean available,
                       String description, String logo, String docs, String tells) {

    /** Where the hub shows the provider, under {@code integrations/hub/}. */
    public String page() {
        return direction == Direction.PUSH ? tells + "/push" : id;
    }

    public enum Direction { PULL, PUSH }

    public enum AuthType { OAUTH2, API_KEY, SIGNED_WEBHOOK, BASIC_WEBHOOK, UPLOAD }
}
