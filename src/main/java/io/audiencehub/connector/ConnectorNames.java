package io.audiencehub.connector;

import org.springframework.stereotype.Component;

/** The rules of a connector's name, whichever kind it is: present, short enough, and nobody else's. */
@Component
class ConnectorNames {

    private final ConnectorRepository connectors;

    ConnectorNames(ConnectorRepository connectors) {
        this.connectors = connectors;
    }

    /**
     * The name, stripped.
     *
     * @param renamedId the connector being renamed, whose own name is no clash; null for a new one
     * @throws ConnectorException saying what is wrong with it
     */
    String check(String name, Long renamedId) {
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty()) {
            throw new ConnectorException("Give the connector a name.");
        }
        if (clean.length() > ConnectorService.MAX_NAME_LENGTH) {
            throw new ConnectorException("The name has " + clean.length() + " characters; use at most "
                    + ConnectorService.MAX_NAME_LENGTH + ".");
        }
        connectors.findByName(clean).filter(other -> !Long.valueOf(other.id()).equals(renamedId))
                .ifPresent(other -> {
                    throw new ConnectorException("A connector named \"" + clean + "\" already exists. Choose another name.");
                });
        return clean;
    }
}
