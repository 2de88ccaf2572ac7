package io.audiencehub.connector;

/**
 * How an answer from the provider's authorization page ended: the connector it concerned, when
 * known, and the problem, when nothing could be changed.
 */
public record AuthorizationOutcome(Long connectorId, AuthorizationProblem problem) {

    static AuthorizationOutcome of(long connectorId) {
        return new AuthorizationOutcome(connectorId, null);
    }

    static AuthorizationOutcome problem(Long connectorId, AuthorizationProblem problem) {
        return new AuthorizationOutcome(connectorId, problem);
    }
}
