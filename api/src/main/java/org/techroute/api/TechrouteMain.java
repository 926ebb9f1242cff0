package org.techroute.api;

import java.util.Arrays;

import org.techroute.api.cli.AppointmentsCommand;
import org.techroute.api.cli.BatchCommand;
import org.techroute.api.cli.GenerateCommand;
import org.techroute.api.cli.ImportCommand;
import org.techroute.api.cli.KeysCommand;
import org.techroute.api.cli.SolveCommand;
import org.techroute.api.cli.WhatIfCommand;

/**
 * Entry point of {@code techroute.jar}: {@code serve} (also with no arguments) starts the HTTP service;
 * {@code solve} and {@code generate} run as command-line tools without starting Spring.
 */
public final class TechrouteMain {

    static final String USAGE = """
            usage: java -jar techroute.jar <command> [options]

            commands:
              serve     start the HTTP service (the default when no command, or only --name=value
                        Spring properties, are given)
                          Spring Boot options follow, e.g. --server.port=8081 --techroute.solver.slots=2
                          API: http://localhost:8080/api/plans, docs: /swagger-ui.html, /v3/api-docs
              solve     solve a problem file into a plan file
                          --input FILE        problem (or plan) JSON to solve (required)
                          --output FILE       where to write the plan JSON (required)
                          --time-limit PT30S  solving time, ISO-8601 (default: the problem's, else PT30S)
                          --seed N            random seed (default: the problem's, else 0)
                          --steps N           stop local search after N steps (reproducible runs)
                          --travel-mode MODE  road, haversine or euclidean (default: the problem's, else road)
              generate  write a demo problem
                          --output FILE       (required)
                          --technicians N     (default 20)   --visits N (default 200)   --days N (default 2)
                          --first-day DATE    (default tomorrow)   --seed N (default 1)
                          --travel-mode MODE  (default haversine)
                          --features LIST     optional parts: travel-limit, parts, crews,
                                              dependencies (default none)
              appointments  judge appointment slots for a new visit in a plan (the plan is not changed)
                          --plan FILE         the plan JSON (required)
                          --request FILE      {"visit": {..}, "slots": [{"start": .., "end": ..}, ..]} or
                                              {"visit": {..}, "days": N, "slotMinutes": 120} (required)
                          --output FILE       where to write the offers JSON (default: standard output)
              what-if   solve variants of a problem and compare their KPIs side by side
                          --input FILE        the base problem (required)
                          --variants FILE     {"variants": [{"name": .., ...}, ...]} (required, see docs/what-if.md)
                          --output FILE       the HTML report (required)
                          --json FILE         the results as JSON too
              batch     re-optimize every plan (*.json) in a folder; keep a result only if it is better
                          --folder DIR        (required)
                          --time-limit PT5M   per plan (default: each plan's own)
                          --report FILE       run report, JSON (default: DIR/batch-report.json)
              import    add the visits of a CSV file to a problem (docs/import.md), for solve
                          --visits FILE.csv   the visits: id, customer, lat, lon, duration, ... (required)
                          --output FILE       where to write the problem JSON (required)
                          --problem FILE      the base problem: technicians, shifts, options (required)
                          --map "A=id,B=lat"  rename the file's headers to techroute's columns
                          --zone ZONE         time zone for date-times without offset, e.g. Europe/Vaduz
              keys      API keys in the service's database (the first admin key comes from here)
                          create --name NAME --role viewer|dispatcher|admin|technician [--technician ID]
                          list | revoke --id ID
                          --data-dir DIR (default ./data-files) or --db-url URL [--db-user U --db-password P]
              help      print this text

            exit status: 0 done, 1 failed while solving, 2 bad command line or invalid input (nothing written)
            """;

    private TechrouteMain() {
    }

    public static void main(String[] args) {
        if (args.length == 0 || "serve".equals(args[0]) || args[0].startsWith("--spring.")
                || args[0].startsWith("--server.") || args[0].startsWith("--techroute.")
                || args[0].startsWith("--management.")) {
            boolean named = args.length > 0 && "serve".equals(args[0]);
            TechrouteApplication.main(named ? Arrays.copyOfRange(args, 1, args.length) : args);
            return;
        }
        System.exit(run(args));
    }

    /** Runs a command-line command and returns the process exit status ({@code serve} is not one). */
    public static int run(String[] args) {
        if (args.length == 0 || "help".equals(args[0]) || "--help".equals(args[0]) || "-h".equals(args[0])) {
            System.out.print(USAGE);
            return args.length == 0 ? 2 : 0;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        return switch (args[0]) {
            case "solve" -> new SolveCommand(System.out, System.err).run(rest);
            case "generate" -> new GenerateCommand(System.err).run(rest);
            case "what-if" -> new WhatIfCommand(System.out, System.err).run(rest);
            case "appointments" -> new AppointmentsCommand(System.out, System.err).run(rest);
            case "batch" -> new BatchCommand(System.out, System.err).run(rest);
            case "import" -> new ImportCommand(System.out, System.err).run(rest);
            case "keys" -> new KeysCommand(System.out, System.err).run(rest);
            default -> {
                System.err.println("unknown command '" + args[0] + "'\n");
                System.err.print(USAGE);
                yield 2;
            }
        };
    }
}
