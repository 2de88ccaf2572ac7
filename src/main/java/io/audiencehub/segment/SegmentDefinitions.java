package io.audiencehub.segment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.audiencehub.base.JsonPaths;

/** Reads and writes the JSON document of a definition, and validates it both ways. */
public final class SegmentDefinitions {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private SegmentDefinitions() {
    }

    public static String write(SegmentDefinition definition) {
        requireValid(definition);
        try {
            return JSON.writeValueAsString(definition);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a definition of records is always JSON", e);
        }
    }

    /**
     * A definition a client sent (the automation API): refused with what is wrong and where, as
     * {@code definition.root.children[0]...}, and how the document looks in docs/segments.md.
     */
    public static SegmentDefinition parse(String json) {
        SegmentDefinition definition;
        try {
            definition = JSON.readValue(json, SegmentDefinition.class);
        } catch (JsonMappingException e) {
            throw new SegmentException("definition" + JsonPaths.of(e) + ": " + e.getOriginalMessage()
                    + " (docs/segments.md describes the document)");
        } catch (JsonProcessingException e) {
            throw new SegmentException("definition: not JSON: " + e.getOriginalMessage());
        }
        if (definition == null) {
            throw new SegmentException("definition: missing; send the segment's versioned JSON document");
        }
        requireValid(definition);
        return definition;
    }

    public static SegmentDefinition read(String json) {
        SegmentDefinition definition;
        try {
            definition = JSON.readValue(json, SegmentDefinition.class);
        } catch (JsonProcessingException e) {
            throw new SegmentException("The stored definition cannot be read: " + e.getOriginalMessage());
        }
        requireValid(definition);
        return definition;
    }

    private static void requireValid(SegmentDefinition definition) {
        var problems = SegmentValidation.problems(definition);
        if (!problems.isEmpty()) {
            throw new SegmentException("The definition is not valid: " + String.join("; ", problems));
        }
    }
}
