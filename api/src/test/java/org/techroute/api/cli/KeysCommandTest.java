package org.techroute.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.techroute.api.security.ApiKeys;

/** {@code keys create|list|revoke} on the service's database, without the service. */
class KeysCommandTest {

    @TempDir
    Path dataDir;

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    int run(String... args) {
        out.reset();
        err.reset();
        return new KeysCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
    }

    ApiKeys keys() {
        return new ApiKeys(new JdbcTemplate(new DriverManagerDataSource("jdbc:h2:file:" + dataDir.resolve("db")
                .resolve("techroute") + ";MODE=PostgreSQL;AUTO_SERVER=FALSE", "sa", "")));
    }

    @Test
    void createListRevoke() {
        assertThat(run("create", "--name", "first-admin", "--role", "admin", "--data-dir", dataDir.toString()))
                .as(err.toString()).isZero();
        String key = out.toString(StandardCharsets.UTF_8).strip();
        assertThat(key).startsWith("trk_");
        assertThat(err.toString()).contains("shown this once");
        assertThat(keys().active(key)).hasValueSatisfying(k -> assertThat(k.name()).isEqualTo("first-admin"));
        String id = keys().active(key).orElseThrow().id();

        assertThat(run("list", "--data-dir", dataDir.toString())).isZero();
        assertThat(out.toString()).contains(id).contains("admin").contains("first-admin").doesNotContain(key);

        assertThat(run("revoke", "--id", id, "--data-dir", dataDir.toString())).isZero();
        assertThat(keys().active(key)).isEmpty();
        assertThat(run("revoke", "--id", id, "--data-dir", dataDir.toString())).isEqualTo(2);
    }

    @Test
    void badUsageIsStatus2() {
        assertThat(run()).isEqualTo(2);
        assertThat(run("create", "--name", "x", "--role", "boss", "--data-dir", dataDir.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--role must be");
        assertThat(run("create", "--name", "x", "--role", "technician", "--data-dir", dataDir.toString()))
                .isEqualTo(2);
        assertThat(run("create", "--name", "x", "--role", "viewer", "--bogus", "1")).isEqualTo(2);
    }
}
