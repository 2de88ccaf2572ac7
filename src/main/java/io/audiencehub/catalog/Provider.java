package io.audiencehub.catalog;

/**
 * A provider the Integration Hub lists. Only an {@code available} provider has a working connector;
 * the others are shown as "not available yet".
 */
public record Provider(String id, String name, Direction direction, AuthType auth, boolean available,
                       String description, String logo, String docs) {

    public enum Direction { PULL, PUSH }

    public enum AuthType { OAUTH2, API_KEY, SIGNED_WEBHOOK, BASIC_WEBHOOK, UPLOAD }
}
