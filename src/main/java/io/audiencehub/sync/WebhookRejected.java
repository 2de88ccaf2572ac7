package io.audiencehub.sync;

/** A delivery the receiver refuses: the HTTP status and a message saying what is wrong and where. */
class WebhookRejected extends RuntimeException {

    private final int status;
    private final String idToken;

    WebhookRejected(int status, String message) {
        this(status, message, null);
    }

    WebhookRejected(int status, String message, String idToken) {
        super(message);
        this.status = status;
        this.idToken = idToken;
    }

    int status() {
        return status;
    }

    /** The delivery's id_token when it was read before the problem, else null. */
    String idToken() {
        return idToken;
    }
}
