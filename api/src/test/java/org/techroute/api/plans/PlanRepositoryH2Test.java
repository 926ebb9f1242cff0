package org.techroute.api.plans;

import java.nio.file.Path;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** {@link PlanRepository} on an H2 file database in PostgreSQL mode (the default datasource). */
class PlanRepositoryH2Test extends PlanRepositoryContract {

    @TempDir
    static Path dir;
    static DataSource dataSource;

    @BeforeAll
    static void database() {
        dataSource = new DriverManagerDataSource("jdbc:h2:file:" + dir.resolve("db/techroute")
                + ";MODE=PostgreSQL;AUTO_SERVER=FALSE", "sa", "");
        migrate(dataSource, null);
    }

    @Override
    DataSource dataSource() {
        return dataSource;
    }
}
