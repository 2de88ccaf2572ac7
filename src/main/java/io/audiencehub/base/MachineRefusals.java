package io.audiencehub.base;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * What Spring MVC refuses before any of the hub's controllers is chosen (a method an endpoint does not
 * take), answered as every other refusal is ({@link Refusal}) instead of Spring Boot's error document.
 * The controllers' own handlers come first.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class MachineRefusals {

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> methodNotAllowed(HttpRequestMethodNotSupportedException refused) {
        String[] supported = refused.getSupportedMethods();
        if (supported == null) {
            return Refusal.answer(HttpStatus.METHOD_NOT_ALLOWED.value(), refused.getMethod() + " is not accepted here.");
        }
        String allowed = String.join(", ", supported);
        return Refusal.answer(HttpStatus.METHOD_NOT_ALLOWED.value(), refused.getMethod() + " is not accepted here; send "
                + allowed + ".", HttpHeaders.ALLOW, allowed);
    }
}
