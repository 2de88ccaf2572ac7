package io.audiencehub.connector;

/** A request about connectors that cannot be done; the message says why and what to do, in the user's words. */
public class ConnectorException extends RuntimeException {

    ConnectorException(String message) {
        super(message);
    }
}
