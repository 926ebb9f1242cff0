package org.techroute.api.plans;

import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** {@link PlanRepository} on PostgreSQL, in a schema of its own that is dropped afterwards. */
@PostgresAvailable
class PlanRepositoryPostgresTest extends PlanRepositoryContract {

    static final String SCHEMA = "techroute_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    static DataSource dataSource;

    @BeforeAll
    static void database() {
        dataSource = new DriverManagerDataSource(PostgresAvailable.URL + "?currentSchema=" + SCHEMA,
                PostgresAvailable.USER, "");
        migrate(dataSource, SCHEMA);
    }

    @AfterAll
    static void dropSchema() {
        if (dataSource != null) {
            JdbcClient.create(dataSource).sql("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE").update();
        }
    }

    @Override
    DataSource dataSource() {
        return dataSource;
    }
}
