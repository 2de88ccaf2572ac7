package io.audiencehub.base;

import com.fasterxml.jackson.databind.JsonMappingException;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/** Where in a JSON body Jackson found a problem, written as the messages of this product name it. */
public final class JsonPaths {

    private JsonPaths() {
    }

    /** The problem's path below the document, {@code .data.add[3].id}; empty at the document itself. */
    public static String of(JsonMappingException problem) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference step : problem.getPath()) {
            if (step.getIndex() >= 0) {
                path.append('[').append(step.getIndex()).append(']');
            } else {
                path.append('.').append(step.getFieldName());
            }
        }
        return path.toString();
    }

    /**
     * What a value of {@code type} must be, in the words of every refusal: "must be a string", "must be
     * an object" (a record, a map, or a value of no known type), "must be an array", and so on.
     */
    public static String expectedType(Class<?> type) {
        if (type == null || Record.class.isAssignableFrom(type) || Map.class.isAssignableFrom(type)) {
            return "must be an object";
        }
        if (type == String.class) {
            return "must be a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "must be true or false";
        }
        if (Number.class.isAssignableFrom(type) || type == long.class || type == int.class) {
            return "must be an integer";
        }
        if (type == Instant.class) {
            return "must be an ISO-8601 instant such as 2026-11-30T12:00:00Z";
        }
        if (Collection.class.isAssignableFrom(type)) {
            return "must be an array";
        }
        return "has the wrong type";
    }
}
