package org.techroute.api.plans;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.techroute.api.support.TestDatabases;

/** {@link PlanRepository} on PostgreSQL, in a schema of its own that is dropped afterwards. */
@PostgresAvailable
class PlanRepositoryPostgresTest extends PlanRepositoryContract {

    static final String SCHEMA = TestDatabases.newSchema("techroute_test_");
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
