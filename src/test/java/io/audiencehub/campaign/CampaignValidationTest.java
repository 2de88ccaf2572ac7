package io.audiencehub.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CampaignValidationTest {

    private static final Variation ORIGINAL = new Variation("original", Variation.ORIGINAL, 50, null, null, null);
    private static final Variation BANNER = new Variation("v1", "Banner", 50, null, "#hero h1", "<h1>Welcome back</h1>");

    private final CampaignValidation validation = new CampaignValidation(new ObjectMapper());

    @Test
    void aCompleteAbTestHasNoProblem() {
        assertThat(validation.problems(abTest(List.of(ORIGINAL, BANNER)))).isEmpty();
    }

    @Test
    void eachProblemNamesItsFieldAndSaysHowToFixIt() {
        CampaignDraft draft = new CampaignDraft(" ", CampaignType.AB_TEST, true, List.of(), 0,
                List.of(BANNER, new Variation("v1", "banner", 30, "[1]", null, null)),
                Instant.parse("2026-12-02T00:00:00Z"), Instant.parse("2026-12-01T00:00:00Z"));

        assertThat(validation.problems(draft)).containsExactly(
                "name: give the campaign a name of 1 to 120 characters",
                "segments: target at least one segment",
                "traffic: the share of targeted visitors that enter is 1 to 100 %, not 0",
                "end: the end must come after the start",
                "variations: an A/B test has the Original first, then at least one variation",
                "variations[1].name: another variation is already named \"banner\"",
                "variations[1].key: every variation needs a key of its own",
                "variations[1].json: must be a JSON object, such as {\"banner\": \"Welcome back\"}",
                "variations: the weights add up to 80 %; they must add up to 100 %");
    }

    @Test
    void aPayloadIsAJsonObjectOrASelectorWithItsHtmlAndTheOriginalHasNone() {
        assertThat(validation.problems(abTest(List.of(
                new Variation("original", Variation.ORIGINAL, 40, "{}", null, null),
                new Variation("v1", "Both", 20, "{}", "h1", "<b>x</b>"),
                new Variation("v2", "Broken", 20, "{\"a\": ", null, null),
                new Variation("v3", "No html", 20, null, "h1", " ")))))
                .containsExactly(
                        "variations[0]: the Original shows the page as it is; it has no payload",
                        "variations[1]: give either a JSON object or a CSS selector with its HTML",
                        "variations[2].json: not valid JSON at line 1, column 7: Unexpected end-of-input within/between Object entries",
                        "variations[3].html: give the HTML the tag puts in place of what the selector finds");
    }

    @Test
    void anythingAfterThePayloadsObjectIsRefusedAndWhatIsStoredIsCanonical() {
        List<String> problems = validation.problems(abTest(List.of(ORIGINAL,
                new Variation("v1", "Stray brace", 50, "{\"a\":1}}", null, null))));

        assertThat(problems).containsExactly("variations[1].json: not valid JSON at line 1, column 8: Unexpected close"
                + " marker '}': no open Object to close");
        assertThat(validation.problems(abTest(List.of(ORIGINAL,
                new Variation("v1", "Two objects", 50, "{\"a\":1} {\"b\":2}", null, null)))))
                .containsExactly("variations[1].json: something follows the JSON object at line 1, column 9: remove"
                        + " everything after its closing }");
        assertThat(validation.canonical(List.of(new Variation("v1", "Spaced", 100, " {\"a\" :  1,\n \"b\": [true] } ",
                null, null)))).extracting(Variation::json).containsExactly("{\"a\":1,\"b\":[true]}");
    }

    private static CampaignDraft abTest(List<Variation> variations) {
        return new CampaignDraft("Welcome back", CampaignType.AB_TEST, true, List.of(1L), 100, variations, null, null);
    }
}
