package io.audiencehub.api;

import org.springframework.http.HttpStatus;

/** A request the API refuses, with the status and the message it answers. */
class ApiProblem extends RuntimeException {

    private final HttpStatus status;

    ApiProblem(HttpStatus status, String message) {
        super(message);
        this.status = status;
    }

    static ApiProblem notFound(String what) {
        return new ApiProblem(HttpStatus.NOT_FOUND, what + " does not exist.");
    }

    HttpStatus status() {
        return status;
    }
}
