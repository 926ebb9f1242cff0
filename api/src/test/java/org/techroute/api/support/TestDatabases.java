package org.techroute.api.support;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.techroute.api.plans.PostgresAvailable;

/**
 * The databases the persistence tests run on, migrated as the service migrates them: an H2 file in PostgreSQL
 * mode (the default datasource), or a PostgreSQL schema of the test's own that it drops afterwards.
 */
public final class TestDatabases {

    private TestDatabases() {
    }

    /** A new schema name, {@code prefix} and a random part. */
    public static String newSchema(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    /**
     * A migrated H2 file database under {@code dir}. DB_CLOSE_DELAY=-1 keeps it open between connections, as the
     * service's pool does: each call of a test's plain data source opens its own connection, and without it the
     * database closes whenever none is open, and a write of a solver thread racing that close was seen lost.
     */
    public static DataSource h2(Path dir) {
        DataSource dataSource = new DriverManagerDataSource("jdbc:h2:file:" + dir.resolve("db/techroute")
                + ";MODE=PostgreSQL;AUTO_SERVER=FALSE;WRITE_DELAY=0;DB_CLOSE_DELAY=-1", "sa", "");
        migrate(dataSource, null);
        return dataSource;
    }

    /** The PostgreSQL schema {@code schema} at {@link PostgresAvailable#URL}, created and migrated. */
    public static DataSource postgres(String schema) {
        DataSource dataSource = new DriverManagerDataSource(PostgresAvailable.URL + "?currentSchema=" + schema,
                PostgresAvailable.USER, "");
        migrate(dataSource, schema);
        return dataSource;
    }

    /** The arguments that make a service instance use the PostgreSQL schema {@code schema}. */
    public static List<String> postgresArguments(String schema) {
        return List.of("--spring.datasource.url=" + PostgresAvailable.URL + "?currentSchema=" + schema,
                "--spring.datasource.username=" + PostgresAvailable.USER, "--spring.datasource.password=",
                "--spring.flyway.schemas=" + schema);
    }

    /** Drops the schema of a {@link #postgres} database (nothing when it was never made). */
    public static void dropSchema(DataSource dataSource, String schema) {
        if (dataSource != null) {
            JdbcClient.create(dataSource).sql("DROP SCHEMA IF EXISTS " + schema + " CASCADE").update();
        }
    }

    private static void migrate(DataSource dataSource, String schema) {
        var config = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration");
        if (schema != null) {
            config.schemas(schema).createSchemas(true);
        }
        config.load().migrate();
    }
}
