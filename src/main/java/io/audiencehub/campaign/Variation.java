package io.audiencehub.campaign;

/**
 * One experience of a campaign. {@code key} is given once and never changes (assignment hashes it, so
 * renaming a variation moves nobody). The payload is either a small JSON object ({@code json}) or a
 * CSS selector and the HTML the tag puts there ({@code selector}, {@code html}); the original of an A/B
 * test has none.
 */
public record Variation(String key, String name, int weight, String json, String selector, String html) {

    public static final String ORIGINAL = "Original";

    public boolean isOriginal() {
        return ORIGINAL.equals(name);
    }
}
