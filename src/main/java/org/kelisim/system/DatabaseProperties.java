package org.kelisim.system;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the data lives. With no {@code url} (environment {@code KELISIM_DB_URL}) the application starts an embedded
 * PostgreSQL itself, keeping its files in {@code embeddedDirectory}; an empty directory means a throw-away database
 * (the tests).
 *
 * @param url JDBC URL of an external PostgreSQL, for example {@code jdbc:postgresql://db:5432/kelisim}
 * @param user user of the external database
 * @param password password of the external database
 * @param embeddedDirectory data directory of the embedded PostgreSQL; kept between starts
 * @param poolSize connections in the pool
 */
@ConfigurationProperties("kelisim.db")
public record DatabaseProperties(String url, String user, String password, Path embeddedDirectory, Integer poolSize) {

    public DatabaseProperties {
        if (poolSize == null) {
            poolSize = 10;
        }
    }

    boolean embedded() {
        return url == null || url.isBlank();
    }
}
