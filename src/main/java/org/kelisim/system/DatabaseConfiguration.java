package org.kelisim.system;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One PostgreSQL for everything: external when {@code kelisim.db.url} is set, otherwise embedded and started here.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedDatabase embeddedDatabase(DatabaseProperties properties) {
        return properties.embedded() ? EmbeddedDatabase.start(properties.embeddedDirectory()) : EmbeddedDatabase.NONE;
    }

    @Bean
    DataSource dataSource(DatabaseProperties properties, EmbeddedDatabase embedded) {
        var dataSource = new HikariDataSource();
        dataSource.setPoolName("kelisim");
        dataSource.setMaximumPoolSize(properties.poolSize());
        dataSource.setConnectionTimeout(Duration.ofSeconds(10).toMillis());
        if (properties.embedded()) {
            dataSource.setJdbcUrl(embedded.jdbcUrl());
            dataSource.setUsername("postgres");
        } else {
            dataSource.setJdbcUrl(properties.url());
            dataSource.setUsername(properties.user());
            dataSource.setPassword(properties.password());
        }
        return dataSource;
    }

    /** The embedded server, or nothing when an external one is configured. */
    static final class EmbeddedDatabase implements AutoCloseable {

        static final EmbeddedDatabase NONE = new EmbeddedDatabase(null);

        private final EmbeddedPostgres postgres;

        private EmbeddedDatabase(EmbeddedPostgres postgres) {
            this.postgres = postgres;
        }

        static EmbeddedDatabase start(Path directory) {
            try {
                // The application context stops the server after everything that uses it; a JVM hook of the
                // server's own would race that and leave closing work waiting for a vanished database.
                var builder = EmbeddedPostgres.builder()
                        .setRegisterShutdownHook(false)
                        .setServerConfig("max_connections", "200")
                        .setServerConfig("timezone", "UTC");
                if (directory != null && !directory.toString().isBlank()) {
                    Files.createDirectories(directory);
                    builder.setDataDirectory(directory.toAbsolutePath()).setCleanDataDirectory(false);
                }
                var postgres = builder.start();
                log.info("Embedded PostgreSQL started on port {}", postgres.getPort());
                return new EmbeddedDatabase(postgres);
            } catch (IOException e) {
                throw new UncheckedIOException("Embedded PostgreSQL did not start", e);
            }
        }

        String jdbcUrl() {
            return postgres.getJdbcUrl("postgres", "postgres");
        }

        @Override
        public void close() throws IOException {
            if (postgres != null) {
                postgres.close();
            }
        }
    }
}
