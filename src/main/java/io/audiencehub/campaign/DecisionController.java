package io.audiencehub.campaign;

import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.audiencehub.base.JsonPaths;
import io.audiencehub.base.Refusal;
import io.audiencehub.campaign.Decisions.Decision;
import io.audiencehub.security.ApiKeyScope;
import io.audiencehub.security.PublicEndpoints;
import io.audiencehub.segment.Criterion;
import io.audiencehub.segment.VisitorContext;
import io.audiencehub.visitor.VisitorIds;
import io.audiencehub.visitor.VisitorProperties;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import org.springframework.context.annotation.Bean;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * {@code POST /api/v1/decisions}: the running campaigns a visitor falls into, for the site tag. It is
 * public, called across origins only from the sites in {@code audiencehub.visitors.allowed-origins},
 * and answers campaigns and variations only, never segments or audiences; a server-side client with an
 * API key also gets the targeted segments the visitor is in. docs/decisions.md describes
 * the request, the answer and every refusal.
 */
@RestController
@Tag(name = "Public: decisions")
class DecisionController {

    static final String PATH = "/api/v1/decisions";
    private static final int MAX_TEXT = 2_048;
    private static final int MAX_COOKIES = 100;

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record DecisionRequest(String visitorId, Context context) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Context(String url, String device, String browser, String language, String country,
                   Map<String, String> cookies, Boolean returning, Instant time) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Answer(String visitorId, boolean stale, List<Decision> campaigns, Map<String, Boolean> push) {
    }

    private final DecisionService decisions;
    private final Clock clock;

    DecisionController(DecisionService decisions, Clock clock) {
        this.decisions = decisions;
        this.clock = clock;
    }

    @Bean
    static PublicEndpoints decisionEndpoint() {
        return () -> List.of(PATH);
    }

    /** The tag asks from the customer's sites: the same origins that may report visitors. */
    @Bean
    static WebMvcConfigurer decisionCors(VisitorProperties sites) {
        return new WebMvcConfigurer() {
            @Override
            public void addCorsMappings(CorsRegistry registry) {
                // a registration starts from "every origin"; clearing the origins leaves only the sites
                // configured, and none (same origin only) when none is
                registry.addMapping(PATH).allowedOrigins()
                        .allowedOriginPatterns(sites.allowedOrigins().toArray(String[]::new))
                        .allowedMethods("POST").allowedHeaders("Content-Type").maxAge(3600);
            }
        };
    }

    /**
     * A server-side client sends an API key as a bearer token, which the machines' filter chain checks
     * (refusing one that opens nothing), and also learns which targeted segments the visitor is in.
     */
    @Operation(summary = "The running campaigns and variations a visitor falls into", description = """
            Public, for the site tag (CORS from the allowed site origins). A server-side client that sends an API key \
            as `Authorization: Bearer <key>` also gets `matched_segments`. docs/decisions.md.""")
    @PostMapping(PATH)
    ResponseEntity<?> decide(@RequestBody(required = false) DecisionRequest request, Authentication client) {
        boolean serverSide = ApiKeyScope.isApiKey(client);
        return answer(request, (visitor, now) -> decisions.decide(visitor, now, serverSide));
    }

    /**
     * Checks the request, has {@code decide} decide for the visitor it describes at the server's time,
     * and writes the answer: what the decision API does around the decision itself.
     */
    ResponseEntity<?> answer(DecisionRequest request, BiFunction<VisitorContext, Instant, Decisions> decide) {
        if (request == null) {
            return refused("the body is empty: send {\"visitor_id\": \"...\", \"context\": {...}}");
        }
        String problem = VisitorIds.problem(request.visitorId());
        if (problem != null) {
            return refused(problem.replace("visitorId", "visitor_id"));
        }
        Context context = request.context() == null ? new Context(null, null, null, null, null, null, null, null)
                : request.context();
        problem = problemOf(context);
        if (problem != null) {
            return refused(problem);
        }
        Instant now = clock.instant();
        VisitorContext visitor = new VisitorContext(request.visitorId(), context.returning(),
                choice(Criterion.Device.class, context.device()), choice(Criterion.BrowserName.class, context.browser()),
                context.language(), context.country() == null ? null : context.country().toUpperCase(Locale.ROOT),
                context.url(), context.cookies() == null ? Map.of() : context.cookies(),
                context.time() == null ? now : context.time());
        Decisions decided = decide.apply(visitor, now);
        return ResponseEntity.ok(new Answer(decided.visitorId(), decided.stale(), decided.campaigns(),
                Map.of("heap", decided.pushToHeap())));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        if (NestedExceptionUtils.getMostSpecificCause(e) instanceof StreamConstraintsException limit) {
            return refused("the body is longer than the hub reads: " + limit.getOriginalMessage());
        }
        if (e.getCause() instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            return refused(JsonPaths.of(mismatch).substring(1) + ": " + JsonPaths.expectedType(mismatch.getTargetType()));
        }
        return refused("the body is not JSON: send {\"visitor_id\": \"...\", \"context\": {...}}");
    }

    private static String problemOf(Context context) {
        for (Map.Entry<String, String> field : Map.of("context.url", nullToEmpty(context.url()), "context.language",
                nullToEmpty(context.language()), "context.country", nullToEmpty(context.country())).entrySet()) {
            if (field.getValue().length() > MAX_TEXT) {
                return field.getKey() + ": at most " + MAX_TEXT + " characters";
            }
        }
        if (context.device() != null && choice(Criterion.Device.class, context.device()) == null) {
            return "context.device: must be one of " + names(Criterion.Device.values());
        }
        if (context.browser() != null && choice(Criterion.BrowserName.class, context.browser()) == null) {
            return "context.browser: must be one of " + names(Criterion.BrowserName.values());
        }
        if (context.cookies() != null && context.cookies().size() > MAX_COOKIES) {
            return "context.cookies: at most " + MAX_COOKIES + " cookies";
        }
        return null;
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    private static String names(Enum<?>[] values) {
        return String.join(", ", Arrays.stream(values).map(value -> value.name().toLowerCase()).toList());
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }

    private static ResponseEntity<ProblemDetail> refused(String problem) {
        return Refusal.answer(400, problem);
    }
}
