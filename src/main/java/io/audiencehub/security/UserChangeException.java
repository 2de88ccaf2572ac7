package io.audiencehub.security;

/** A change to local users that cannot be made; the message says why, in the user's words. */
public class UserChangeException extends RuntimeException {

    UserChangeException(String message) {
        super(message);
    }
}
