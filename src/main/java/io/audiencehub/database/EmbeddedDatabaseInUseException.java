package io.audiencehub.database;

import io.audiencehub.base.StartupRefusedException;
import java.nio.file.Path;

/** A second Audience Hub tried to open a data folder that a running one already owns. */
public class EmbeddedDatabaseInUseException extends StartupRefusedException {

    EmbeddedDatabaseInUseException(Path dataDir) {
        super("The embedded database in " + dataDir + " is already in use by another running"
                        + " Audience Hub; starting a second server on the same files would corrupt them.",
                "Stop the other instance, or give this one its own folder with AUDIENCEHUB_DB_EMBEDDED_DATADIR,"
                        + " or use an external MariaDB with AUDIENCEHUB_DB_URL.");
    }
}
