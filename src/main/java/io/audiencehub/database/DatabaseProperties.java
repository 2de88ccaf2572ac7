package io.audiencehub.database;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.StringUtils;

/**
 * Where the product keeps its data. With no {@code url}, an embedded MariaDB is started under
 * {@code embedded.data-dir}; with {@code AUDIENCEHUB_DB_URL} set, that external server is used.
 */
@ConfigurationProperties("audiencehub.db")
public record DatabaseProperties(String url, String user, String password, Embedded embedded) {

    public DatabaseProperties {
        embedded = embedded == null ? new Embedded(null, 0, null, true) : embedded;
    }

    public boolean external() {
        return StringUtils.hasText(url);
    }

    /**
     * @param dataDir the folder the embedded server keeps its data in; it survives restarts
     * @param port the port it listens on; 0 picks a free one, since 3306 is often taken
     * @param schema the database created inside it for the product
     * @param allowed false where an external server is required (the {@code prod} profile)
     */
    public record Embedded(Path dataDir, int port, String schema, boolean allowed) {
        public Embedded {
            dataDir = dataDir == null ? Path.of("data", "mariadb") : dataDir;
            schema = StringUtils.hasText(schema) ? schema : "audiencehub";
        }
    }
}
