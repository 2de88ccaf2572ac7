package io.audiencehub.campaign;

import java.util.UUID;

/**
 * One experience of a campaign. {@code key} is given once and never changes (assignment hashes it, so
 * renaming a variation moves nobody). The payload is either a small JSON object ({@code json}) or a
 * CSS selector and the HTML the tag puts there ({@code selector}, {@code html}); the original of an A/B
 * test has none.
 */
public record Variation(String key, String name, int weight, String json, String selector, String html) {

    public static final String ORIGINAL = "Original";

    /** A key for a variation being created: "original" for the original, else random and short. */
    public static String newKey(String name) {
        return ORIGINAL.equals(name) ? "original" : "v-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public boolean isOriginal() {
        return ORIGINAL.equals(name);
    }
}
