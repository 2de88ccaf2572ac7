package io.audiencehub.sandbox.heap;

/** An OAuth 2.0 error as Heap would answer it: an RFC 6749 error code, a description and the HTTP status. */
class SandboxOAuthException extends RuntimeException {

    private final String error;
    private final int status;

    SandboxOAuthException(int status, String error, String description) {
        super(description);
        this.status = status;
        this.error = error;
    }

    String error() {
        return error;
    }

    int status() {
        return status;
    }
}
