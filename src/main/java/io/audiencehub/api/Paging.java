package io.audiencehub.api;

import org.springframework.http.HttpStatus;

/** The {@code offset} and {@code limit} of a list request, checked. */
record Paging(int offset, int limit) {

    static final int MAX_LIMIT = 500;
    static final String DEFAULT_LIMIT = "100";

    Paging {
        if (offset < 0) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "offset: must be 0 or more");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "limit: must be between 1 and " + MAX_LIMIT);
        }
    }
}
