package io.audiencehub.api;

import com.fasterxml.jackson.databind.JsonMappingException;
import io.audiencehub.base.JsonPaths;
import io.audiencehub.base.Refusal;
import io.audiencehub.campaign.AudiencesNotReady;
import io.audiencehub.campaign.CampaignException;
import io.audiencehub.segment.SegmentException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Every refusal of the automation API as {@code {"error": "..."}}: what is wrong, where (a field's path
 * in the body, a parameter's name) and, where it helps, how to fix it. A change refused by a service
 * (a taken name, a campaign that cannot start) is 400 with the service's own words, as the screens show it.
 */
@RestControllerAdvice(basePackageClasses = ApiErrors.class)
class ApiErrors {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<ProblemDetail> problem(ApiProblem problem) {
        return error(problem.status(), problem.getMessage());
    }

    /** 409: the start can be asked again with {@code confirm=true}; {@code problems} names each audience. */
    @ExceptionHandler(AudiencesNotReady.class)
    ResponseEntity<ProblemDetail> notReady(AudiencesNotReady refusal) {
        ResponseEntity<ProblemDetail> answer = error(HttpStatus.CONFLICT, refusal.getMessage()
                + " Through the API: POST the start again with confirm=true.");
        answer.getBody().setProperty("problems", refusal.problems());
        return answer;
    }

    @ExceptionHandler({SegmentException.class, CampaignException.class, IllegalArgumentException.class})
    ResponseEntity<ProblemDetail> refused(RuntimeException refusal) {
        return error(HttpStatus.BAD_REQUEST, refusal.getMessage());
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> denied(AccessDeniedException denied) {
        return error(HttpStatus.FORBIDDEN, "This API key's scopes do not allow this: an admin creates a key with the scope it needs under API keys.");
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException unreadable) {
        if (unreadable.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return error(HttpStatus.BAD_REQUEST, JsonPaths.of(mapping).substring(1) + ": " + mapping.getOriginalMessage());
        }
        return error(HttpStatus.BAD_REQUEST, "The body is missing or not JSON; docs/api.md shows each request's body.");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> mismatch(MethodArgumentTypeMismatchException mismatch) {
        return error(HttpStatus.BAD_REQUEST, mismatch.getName() + ": \"" + mismatch.getValue() + "\" is not "
                + (mismatch.getRequiredType() == null ? "valid" : "a " + mismatch.getRequiredType().getSimpleName()
                .toLowerCase()));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ProblemDetail> missing(MissingServletRequestParameterException missing) {
        return error(HttpStatus.BAD_REQUEST, missing.getParameterName() + ": required");
    }

    private static ResponseEntity<ProblemDetail> error(HttpStatus status, String message) {
        log.debug("API request refused ({}): {}", status.value(), message);
        return Refusal.answer(status.value(), message);
    }
}
