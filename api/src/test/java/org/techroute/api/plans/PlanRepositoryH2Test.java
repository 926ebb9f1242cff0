package org.techroute.api.plans;

import java.nio.file.Path;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.techroute.api.support.TestDatabases;

/** {@link PlanRepository} on an H2 file database in PostgreSQL mode (the default datasource). */
class PlanRepositoryH2Test extends PlanRepositoryContract {

    @TempDir
    static Path dir;
    static DataSource dataSource;

    @BeforeAll
    static void database() {
        dataSource = TestDatabases.h2(dir);
    }

    @Override
    DataSource dataSource() {
        return dataSource;
    }
}
