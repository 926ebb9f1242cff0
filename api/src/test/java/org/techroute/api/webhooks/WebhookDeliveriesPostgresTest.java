package org.techroute.api.webhooks;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.techroute.api.plans.PostgresAvailable;
import org.techroute.api.support.TestDatabases;

/** {@link WebhookDeliveries} on PostgreSQL, in a schema of its own that is dropped afterwards. */
@PostgresAvailable
class WebhookDeliveriesPostgresTest extends WebhookDeliveriesContract {

    static final String SCHEMA = TestDatabases.newSchema("techroute_hooks_");
    static DataSource dataSource;

    @BeforeAll
    static void database() {
        dataSource = TestDatabases.postgres(SCHEMA);
    }

    @AfterAll
    static void dropSchema() {
        TestDatabases.dropSchema(dataSource, SCHEMA);
    }

    @Override
    DataSource dataSource() {
        return dataSource;
    }
}
