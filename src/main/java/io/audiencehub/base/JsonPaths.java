package io.audiencehub.base;

import com.fasterxml.jackson.databind.JsonMappingException;

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
}
