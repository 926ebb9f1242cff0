package org.techroute.api.webhooks;

import java.nio.file.Path;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** {@link WebhookDeliveries} on an H2 file database in PostgreSQL mode (the default datasource). */
class WebhookDeliveriesH2Test extends WebhookDeliveriesContract {

    @TempDir
    static Path dir;
    static DataSource dataSource;

    @BeforeAll
    static void database() {
        dataSource = new DriverManagerDataSource("jdbc:h2:file:" + dir.resolve("db/techroute")
                + ";MODE=PostgreSQL;AUTO_SERVER=FALSE;WRITE_DELAY=0;DB_CLOSE_DELAY=-1", "sa", "");
        migrate(dataSource, null);
    }

    @Override
    DataSource dataSource() {
        return dataSource;
    }
}
