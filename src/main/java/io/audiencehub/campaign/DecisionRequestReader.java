package io.audiencehub.campaign;

import io.audiencehub.campaign.DecisionRequest.Context;
import io.audiencehub.segment.Criterion;
import io.audiencehub.segment.VisitorContext;
import io.audiencehub.visitor.VisitorIds;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Turns a decision request into the visitor's context, or refuses it saying which field is wrong and
 * how ({@link Refused}, answered 400 by {@link DecisionErrors}).
 */
@Component
class DecisionRequestReader {

    static final int MAX_TEXT = 2_048;
    static final int MAX_COOKIES = 100;

    /** A request the decision API does not decide on; its message names the field. */
    static final class Refused extends RuntimeException {

        Refused(String problem) {
            super(problem);
        }
    }

    /** The visitor the request describes; {@code now} when it names no time. */
    VisitorContext visitor(DecisionRequest request, Instant now) {
        if (request == null) {
            throw new Refused("the body is empty: send {\"visitor_id\": \"...\", \"context\": {...}}");
        }
        String problem = VisitorIds.problem(request.visitorId());
        if (problem != null) {
            throw new Refused(problem.replace("visitorId", "visitor_id"));
        }
        Context context = request.context() == null ? Context.UNKNOWN : request.context();
        requireValid(context);
        return new VisitorContext(request.visitorId(), context.returning(),
                choice(Criterion.Device.class, context.device()), choice(Criterion.BrowserName.class, context.browser()),
                context.language(), context.country() == null ? null : context.country().toUpperCase(Locale.ROOT),
                context.url(), context.cookies() == null ? Map.of() : context.cookies(),
                context.time() == null ? now : context.time());
    }

    private static void requireValid(Context context) {
        requireShort("context.url", context.url());
        requireShort("context.language", context.language());
        requireShort("context.country", context.country());
        if (context.device() != null && choice(Criterion.Device.class, context.device()) == null) {
            throw new Refused("context.device: must be one of " + names(Criterion.Device.values()));
        }
        if (context.browser() != null && choice(Criterion.BrowserName.class, context.browser()) == null) {
            throw new Refused("context.browser: must be one of " + names(Criterion.BrowserName.values()));
        }
        if (context.cookies() != null && context.cookies().size() > MAX_COOKIES) {
            throw new Refused("context.cookies: at most " + MAX_COOKIES + " cookies");
        }
    }

    private static void requireShort(String field, String text) {
        if (text != null && text.length() > MAX_TEXT) {
            throw new Refused(field + ": at most " + MAX_TEXT + " characters");
        }
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
        return String.join(", ", Arrays.stream(values).map(value -> value.name().toLowerCase(Locale.ROOT)).toList());
    }
}
