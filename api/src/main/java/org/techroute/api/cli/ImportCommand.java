package org.techroute.api.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Set;

import org.techroute.data.imports.ColumnMapping;
import org.techroute.data.imports.ImportError;
import org.techroute.data.imports.ImportException;
import org.techroute.data.imports.VisitCsvReader;
import org.techroute.data.imports.VisitImport;
import org.techroute.data.json.ProblemFormatException;
import org.techroute.data.json.ProblemJson;
import org.techroute.data.model.Problem;
import org.techroute.data.validation.ProblemValidator;

/**
 * {@code import --visits FILE.csv --output FILE --problem BASE.json [--map "Header=column,..."] [--zone ZONE]}:
 * adds the visits of a CSV file to a base problem (technicians, shifts, options) and writes the problem, ready for
 * {@code solve}. Any bad row: every error with its line and column, exit status 2, nothing written.
 */
public final class ImportCommand {

    static final String USAGE = "usage: java -jar techroute.jar import --visits FILE.csv --output FILE"
            + " --problem BASE.json [--map \"Ticket ID=id,...\"] [--zone Europe/Vaduz]";
    private static final Set<String> OPTIONS = Set.of("visits", "output", "problem", "map", "zone");

    private final PrintStream out;
    private final PrintStream err;

    public ImportCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public int run(String[] args) {
        Path visits;
        Path output;
        Problem base;
        ColumnMapping mapping;
        ZoneId zone;
        try {
            CommandLine line = new CommandLine(args, OPTIONS);
            visits = Path.of(line.required("visits"));
            output = Path.of(line.required("output"));
            base = base(Path.of(line.required("problem")));
            mapping = mapping(line.optional("map"));
            zone = zone(line.optional("zone"));
        } catch (CommandLine.UsageException e) {
            err.println("error: " + e.getMessage());
            err.println(USAGE);
            return 2;
        } catch (InputException e) {
            err.println("error: " + e.getMessage());
            return 2;
        }
        VisitImport.Result result;
        try {
            if (!Files.isRegularFile(visits)) {
                throw new NoSuchFileException(visits.toString());
            }
            String csv = VisitCsvReader.decode(Files.readAllBytes(visits));
            result = new VisitImport(new ProblemValidator()).importVisits(base, csv, new VisitCsvReader(mapping,
                    zone));
        } catch (NoSuchFileException e) {
            err.println("error: cannot read " + visits + ": no such file");
            return 2;
        } catch (IOException e) {
            err.println("error: cannot read " + visits + ": " + e.getMessage());
            return 2;
        } catch (ImportException e) {
            err.println("error: " + visits + " has " + e.errors().size() + " error(s); nothing was written:");
            for (ImportError error : e.errors()) {
                err.println("  " + (error.line() == null ? "" : visits.getFileName() + ": ") + error);
            }
            return 2;
        }
        if (!result.ignoredHeaders().isEmpty()) {
            err.println("ignored columns (not techroute columns, not mapped): "
                    + String.join(", ", result.ignoredHeaders()));
        }
        try {
            ProblemJson.writeAtomically(result.problem(), output);
        } catch (IOException e) {
            err.println("error: cannot write " + output + ": " + e.getMessage());
            return 1;
        }
        Problem problem = result.problem();
        out.println(output + ": " + result.imported() + " visit(s) imported, " + problem.visitsOrEmpty().size()
                + " in all, " + problem.techniciansOrEmpty().size() + " technician(s), " + problem.shiftsOrEmpty()
                        .size() + " shift(s)");
        return 0;
    }

    private static Problem base(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new InputException("cannot read " + file + ": no such file");
        }
        try {
            return ProblemJson.read(file);
        } catch (ProblemFormatException e) {
            throw new InputException(file + " is not a valid problem; nothing was written:\n  " + e.violation());
        } catch (IOException e) {
            throw new InputException("cannot read " + file + ": " + e.getMessage());
        }
    }

    private static ColumnMapping mapping(String map) {
        try {
            return ColumnMapping.parse(map);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.UsageException("--map: " + e.getMessage());
        }
    }

    private static ZoneId zone(String zone) {
        if (zone == null) {
            return null;
        }
        try {
            return ZoneId.of(zone.strip());
        } catch (DateTimeException e) {
            throw new CommandLine.UsageException("--zone must be a time zone such as Europe/Vaduz or +01:00, got '"
                    + zone + "'");
        }
    }

    /** Input that cannot be read. */
    private static final class InputException extends RuntimeException {
        InputException(String message) {
            super(message);
        }
    }
}
