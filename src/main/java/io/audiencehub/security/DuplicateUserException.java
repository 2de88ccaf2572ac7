package io.audiencehub.security;

/** The user name is taken; the message says so in the user's words. */
public class DuplicateUserException extends RuntimeException {

    DuplicateUserException(String username) {
        super("A user named \"" + username + "\" already exists. Choose another user name.");
    }
}
