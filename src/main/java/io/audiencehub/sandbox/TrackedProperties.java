package io.audiencehub.sandbox;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The properties a sandbox's snippet stand-in sends with a call, checked as the analytics tool checks
 * them and kept as text: at most 50 a call, values of at most 255 characters.
 */
public final class TrackedProperties {

    private static final int MAX_PROPERTIES = 50;
    private static final int MAX_VALUE = 255;

    private TrackedProperties() {
    }

    /**
     * @param maxNameLength the tool's longest property name (Heap: 100, Mixpanel: 255)
     * @param booleans whether the tool takes booleans besides strings and numbers (Mixpanel does)
     * @throws IllegalArgumentException naming the property and what is wrong with it
     */
    public static Map<String, String> of(Map<String, ?> properties, int maxNameLength, boolean booleans) {
        Map<String, String> values = new LinkedHashMap<>();
        if (properties == null) {
            return values;
        }
        if (properties.size() > MAX_PROPERTIES) {
            throw new IllegalArgumentException("at most " + MAX_PROPERTIES + " properties at once");
        }
        properties.forEach((name, value) -> {
            if (name.isEmpty() || name.length() > maxNameLength) {
                throw new IllegalArgumentException("property names have 1 to " + maxNameLength + " characters");
            }
            if (!(value instanceof String) && !(value instanceof Number) && !(booleans && value instanceof Boolean)) {
                throw new IllegalArgumentException("property " + name + " must be a string" + (booleans
                        ? ", a number or a boolean" : " or a number"));
            }
            String text = String.valueOf(value);
            if (text.length() > MAX_VALUE) {
                throw new IllegalArgumentException("property " + name + " has more than " + MAX_VALUE + " characters");
            }
            values.put(name, text);
        });
        return values;
    }
}
