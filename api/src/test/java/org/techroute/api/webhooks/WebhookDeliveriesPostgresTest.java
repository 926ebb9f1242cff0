package org.techroute.api.webhooks;

import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.techroute.api.plans.PostgresAvailable;

/** {@link WebhookDeliveries} on PostgreSQL, in a schema of its own that is dropped afterwards. */
@PostgresAvailable
class WebhookDeliveriesPostgresTest extends WebhookDeliveriesContract {

    static final String SCHEMA = "techroute_hooks_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
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
