package io.audiencehub.csv;

/**
 * An upload imported: the audience it replaced or created, with its ids.
 *
 * @param applied whether the audience writer had applied it when the import returned; if not, it will
 *                within seconds, and until then the audience keeps its previous members
 */
public record CsvImport(long connectorId, String audienceName, long ids, long knownVisitors, boolean applied) {
}
