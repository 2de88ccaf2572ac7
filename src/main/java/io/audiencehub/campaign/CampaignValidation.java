package io.audiencehub.campaign;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The rules a campaign must keep, checked before it is stored whatever form or API sent it. Each
 * problem names its field ({@code variations[2].weight}) and says how to fix it.
 */
public final class CampaignValidation {

    public static final int MAX_NAME_LENGTH = 120;
    public static final int MAX_PAYLOAD_LENGTH = 10_000;
    public static final int MAX_SELECTOR_LENGTH = 500;
    public static final int MAX_VARIATIONS = 20;
    /** The least share of targeted visitors a campaign lets in, in %; the most is 100. */
    public static final int MIN_TRAFFIC_PERCENT = 1;
    /** A variation's weight is 0 to this, in %, and the weights add up to it. */
    public static final int ALL_PERCENT = 100;

    private final ObjectMapper json;

    CampaignValidation(ObjectMapper json) {
        this.json = json;
    }

    /**
     * The variations with each JSON payload in its canonical form (as Jackson writes it), so that what is
     * stored, and embedded raw in every decision, is exactly one valid object. Call after {@link #problems}
     * found none.
     */
    List<Variation> canonical(List<Variation> variations) {
        return variations.stream().map(variation -> variation.json() == null || variation.json().isBlank() ? variation
                : new Variation(variation.key(), variation.name(), variation.weight(), canonical(variation.json()),
                variation.selector(), variation.html())).toList();
    }

    private String canonical(String payload) {
        try {
            return json.writeValueAsString(objectAlone(payload));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("a payload is checked before it is made canonical", e);
        }
    }

    /** Something after the payload's value, such as a stray "}": decisions embed the payload as it is. */
    private static final class TrailingContent extends JsonProcessingException {
        private final int line;
        private final int column;

        TrailingContent(JsonLocation at) {
            super("content after the JSON value", at);
            this.line = at.getLineNr();
            this.column = at.getColumnNr();
        }
    }

    /** The payload's one JSON value; anything after it is refused, not ignored as Jackson's readTree does. */
    private JsonNode objectAlone(String payload) throws JsonProcessingException {
        try (JsonParser parser = json.createParser(payload)) {
            JsonNode value = json.readTree(parser);
            if (parser.nextToken() != null) {
                throw new TrailingContent(parser.currentTokenLocation());
            }
            return value;
        } catch (JsonProcessingException e) {
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException("a string is read in memory", e);
        }
    }

    List<String> problems(CampaignDraft draft) {
        List<String> problems = new ArrayList<>();
        String name = draft.name() == null ? "" : draft.name().strip();
        if (name.isEmpty() || name.length() > MAX_NAME_LENGTH) {
            problems.add("name: give the campaign a name of 1 to " + MAX_NAME_LENGTH + " characters");
        }
        if (draft.type() == null) {
            problems.add("type: choose A/B test or Personalization");
        }
        if (draft.segmentIds() == null || draft.segmentIds().isEmpty()) {
            problems.add("segments: target at least one segment");
        }
        if (draft.trafficPercent() < MIN_TRAFFIC_PERCENT || draft.trafficPercent() > ALL_PERCENT) {
            problems.add("traffic: the share of targeted visitors that enter is " + MIN_TRAFFIC_PERCENT + " to "
                    + ALL_PERCENT + " %, not "
                    + draft.trafficPercent());
        }
        if (draft.startAt() != null && draft.endAt() != null && !draft.endAt().isAfter(draft.startAt())) {
            problems.add("end: the end must come after the start");
        }
        variations(draft, problems);
        return problems;
    }

    private void variations(CampaignDraft draft, List<String> problems) {
        List<Variation> variations = draft.variations() == null ? List.of() : draft.variations();
        if (draft.type() == CampaignType.AB_TEST
                && (variations.isEmpty() || !variations.get(0).isOriginal() || variations.size() < 2)) {
            problems.add("variations: an A/B test has the Original first, then at least one variation");
        }
        if (draft.type() == CampaignType.PERSONALIZATION && variations.isEmpty()) {
            problems.add("variations: a personalization has at least one variation");
        }
        if (variations.size() > MAX_VARIATIONS) {
            problems.add("variations: at most " + MAX_VARIATIONS + " variations");
        }
        Set<String> names = new HashSet<>();
        Set<String> keys = new HashSet<>();
        int total = 0;
        for (int i = 0; i < variations.size(); i++) {
            Variation variation = variations.get(i);
            String at = "variations[" + i + "]";
            String name = variation.name() == null ? "" : variation.name().strip();
            if (name.isEmpty() || name.length() > MAX_NAME_LENGTH) {
                problems.add(at + ".name: give the variation a name of 1 to " + MAX_NAME_LENGTH + " characters");
            } else if (!names.add(name.toLowerCase())) {
                problems.add(at + ".name: another variation is already named \"" + name + "\"");
            }
            if (variation.key() == null || variation.key().isBlank() || !keys.add(variation.key())) {
                problems.add(at + ".key: every variation needs a key of its own");
            }
            if (variation.weight() < 0 || variation.weight() > ALL_PERCENT) {
                problems.add(at + ".weight: a weight is 0 to " + ALL_PERCENT + " %, not " + variation.weight());
            }
            total += variation.weight();
            payload(variation, at, problems);
        }
        if (!variations.isEmpty() && total != ALL_PERCENT) {
            problems.add("variations: the weights add up to " + total + " %; they must add up to " + ALL_PERCENT + " %");
        }
    }

    private void payload(Variation variation, String at, List<String> problems) {
        boolean hasJson = variation.json() != null && !variation.json().isBlank();
        boolean hasSnippet = variation.selector() != null && !variation.selector().isBlank();
        if (variation.isOriginal()) {
            if (hasJson || hasSnippet) {
                problems.add(at + ": the Original shows the page as it is; it has no payload");
            }
            return;
        }
        if (hasJson == hasSnippet) {
            problems.add(at + ": give either a JSON object or a CSS selector with its HTML");
            return;
        }
        if (hasJson) {
            if (variation.json().length() > MAX_PAYLOAD_LENGTH) {
                problems.add(at + ".json: at most " + MAX_PAYLOAD_LENGTH + " characters");
                return;
            }
            try {
                JsonNode parsed = objectAlone(variation.json());
                if (parsed == null || !parsed.isObject()) {
                    problems.add(at + ".json: must be a JSON object, such as {\"banner\": \"Welcome back\"}");
                }
            } catch (TrailingContent e) {
                problems.add(at + ".json: something follows the JSON object at line " + e.line + ", column " + e.column
                        + ": remove everything after its closing }");
            } catch (JsonProcessingException e) {
                problems.add(at + ".json: not valid JSON at line " + e.getLocation().getLineNr() + ", column "
                        + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage());
            }
            return;
        }
        if (variation.selector().length() > MAX_SELECTOR_LENGTH) {
            problems.add(at + ".selector: at most " + MAX_SELECTOR_LENGTH + " characters");
        }
        if (variation.html() == null || variation.html().isBlank()) {
            problems.add(at + ".html: give the HTML the tag puts in place of what the selector finds");
        } else if (variation.html().length() > MAX_PAYLOAD_LENGTH) {
            problems.add(at + ".html: at most " + MAX_PAYLOAD_LENGTH + " characters");
        }
    }
}
