package io.audiencehub.base;

/**
 * The product refuses to start because of something the operator must fix. Spring Boot prints
 * {@link #getMessage()} as the problem and {@link #action()} as what to do, without a stack trace.
 */
public class StartupRefusedException extends RuntimeException {

    private final String action;

    public StartupRefusedException(String problem, String action) {
        super(problem);
        this.action = action;
    }

    public String action() {
        return action;
    }
}
