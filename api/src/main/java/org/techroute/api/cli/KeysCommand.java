package org.techroute.api.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Set;

import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.techroute.api.security.ApiKeys;
import org.techroute.api.security.Role;

/**
 * {@code keys create|list|revoke}: API keys in the service's database, without the service (the first admin key
 * comes from here). The embedded H2 database is opened only while the service is stopped; with PostgreSQL the
 * service may run.
 */
public final class KeysCommand {

    static final String USAGE = """
            keys create --name NAME --role viewer|dispatcher|admin|technician [--technician ID]
            keys list
            keys revoke --id ID
              database: --db-url URL (default: the service's H2 file under --data-dir, default ./data-files)
                        --db-user USER (default sa)  --db-password PASSWORD (default empty)
            """;

    private static final Set<String> OPTIONS = Set.of("name", "role", "technician", "id", "db-url", "db-user",
            "db-password", "data-dir");

    private final PrintStream out;
    private final PrintStream err;

    public KeysCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public int run(String[] args) {
        if (args.length == 0 || !Set.of("create", "list", "revoke").contains(args[0])) {
            err.print("usage:\n" + USAGE);
            return 2;
        }
        try {
            CommandLine line = new CommandLine(java.util.Arrays.copyOfRange(args, 1, args.length), OPTIONS);
            ApiKeys keys = open(line);
            switch (args[0]) {
                case "create" -> {
                    String name = line.required("name");
                    Role role = Role.byId(line.required("role")).orElseThrow(() -> new CommandLine.UsageException(
                            "--role must be viewer, dispatcher, admin or technician"));
                    String technician = line.optional("technician");
                    if ((role == Role.TECHNICIAN) != (technician != null)) {
                        throw new CommandLine.UsageException("--technician is needed for, and only for, a technician's"
                                + " key");
                    }
                    ApiKeys.Created created = keys.create(name, role, technician, "command line");
                    err.println("created API key '" + name + "' (" + role.id() + ", id " + created.stored().id()
                            + "); it is shown this once, keep it safe:");
                    out.println(created.key());
                }
                case "list" -> keys.list().forEach(key -> out.println(key.id() + "  " + key.prefix() + "...  "
                        + key.role().id() + (key.technicianId() == null ? "" : " " + key.technicianId()) + "  "
                        + key.name() + "  created " + key.createdAt() + " by " + key.createdBy()
                        + (key.revokedAt() == null ? "" : "  REVOKED " + key.revokedAt() + " by " + key.revokedBy())));
                default -> {
                    String id = line.required("id");
                    if (!keys.revoke(id, "command line")) {
                        err.println("no active API key with id '" + id + "'");
                        return 2;
                    }
                    err.println("revoked API key " + id);
                }
            }
            return 0;
        } catch (CommandLine.UsageException e) {
            err.println(e.getMessage());
            err.print("usage:\n" + USAGE);
            return 2;
        } catch (RuntimeException e) {
            err.println("cannot use the database: " + rootMessage(e));
            return 1;
        }
    }

    private static ApiKeys open(CommandLine line) {
        String dataDir = line.optional("data-dir") != null ? line.optional("data-dir") : "./data-files";
        String url = line.optional("db-url") != null ? line.optional("db-url")
                : "jdbc:h2:file:" + Path.of(dataDir, "db", "techroute") + ";MODE=PostgreSQL;AUTO_SERVER=FALSE";
        String user = line.optional("db-user") != null ? line.optional("db-user") : "sa";
        String password = line.optional("db-password") != null ? line.optional("db-password") : "";
        DriverManagerDataSource dataSource = new DriverManagerDataSource(url, user, password);
        Flyway.configure().dataSource(dataSource).load().migrate();
        return new ApiKeys(new JdbcTemplate(dataSource));
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage().lines().findFirst()
                .orElse("");
    }
}
