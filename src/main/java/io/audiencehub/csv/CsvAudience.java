package io.audiencehub.csv;

import java.time.Instant;

/**
 * An uploaded audience as its list shows it.
 *
 * @param available whether targeting offers it: at least one member is a known visitor
 */
public record CsvAudience(long id, String name, long members, long knownVisitors, boolean available,
                          Instant lastUploadAt) {
}
