package io.audiencehub.campaign;

import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.audiencehub.base.JsonPaths;
import io.audiencehub.base.Refusal;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The decision API's refusals of what it cannot read or decide on: 400 with the field and the fix. */
@RestControllerAdvice(assignableTypes = {DecisionController.class, NoOpDecisionController.class})
class DecisionErrors {

    @ExceptionHandler(DecisionRequestReader.Refused.class)
    ResponseEntity<ProblemDetail> refused(DecisionRequestReader.Refused refused) {
        return Refusal.answer(400, refused.getMessage());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        if (NestedExceptionUtils.getMostSpecificCause(e) instanceof StreamConstraintsException limit) {
            return Refusal.answer(400, "the body is longer than the hub reads: " + limit.getOriginalMessage());
        }
        if (e.getCause() instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            return Refusal.answer(400, JsonPaths.of(mismatch).substring(1) + ": "
                    + JsonPaths.expectedType(mismatch.getTargetType()));
        }
        return Refusal.answer(400, "the body is not JSON: send {\"visitor_id\": \"...\", \"context\": {...}}");
    }
}
