package org.techroute.api.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.techroute.data.batch.ReoptimizationOutcome;
import org.techroute.data.batch.Reoptimizer;
import org.techroute.data.json.AtomicFiles;
import org.techroute.data.json.ProblemFormatException;
import org.techroute.data.json.ProblemJson;
import org.techroute.data.model.Problem;

/**
 * {@code batch --folder DIR [--time-limit PT5M] [--report FILE]}: re-optimizes every plan ({@code *.json}) in a
 * folder from its current routes, writes a plan back only when the new one scores better, and writes a run
 * report (before/after score and KPIs per plan). For an operator's own scheduler (cron and the like).
 */
public final class BatchCommand {

    private static final Set<String> OPTIONS = Set.of("folder", "time-limit", "report");

    private final PrintStream out;
    private final PrintStream err;
    private final SolveCommand.PlannerFactory planners;

    public BatchCommand(PrintStream out, PrintStream err) {
        this(out, err, Planners::fromEnvironment);
    }

    public BatchCommand(PrintStream out, PrintStream err, SolveCommand.PlannerFactory planners) {
        this.out = out;
        this.err = err;
        this.planners = planners;
    }

    public int run(String[] args) {
        Path folder;
        Duration limit;
        Path report;
        List<Path> files = new ArrayList<>();
        try {
            CommandLine line = new CommandLine(args, OPTIONS);
            folder = Path.of(line.required("folder"));
            limit = line.duration("time-limit");
            report = line.optional("report") == null ? folder.resolve("batch-report.json")
                    : Path.of(line.optional("report"));
            if (!Files.isDirectory(folder)) {
                throw new CommandLine.UsageException("no such folder: " + folder);
            }
            try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder, "*.json")) {
                stream.forEach(files::add);
            }
            files.removeIf(file -> file.toAbsolutePath().equals(report.toAbsolutePath()));
            files.sort(null);
        } catch (CommandLine.UsageException e) {
            err.println("error: " + e.getMessage());
            err.println("usage: java -jar techroute.jar batch --folder DIR [--time-limit PT5M] [--report FILE]");
            return 2;
        } catch (IOException e) {
            err.println("error: cannot list the folder: " + e.getMessage());
            return 2;
        }
        Reoptimizer reoptimizer = new Reoptimizer(planners.create());
        List<ReoptimizationOutcome> outcomes = new ArrayList<>();
        boolean failures = false;
        for (Path file : files) {
            String name = file.getFileName().toString();
            Problem plan;
            try {
                plan = ProblemJson.read(file);
            } catch (ProblemFormatException e) {
                outcomes.add(new ReoptimizationOutcome(name, "FAILED", null, null, null, null,
                        e.violation().toString()));
                failures = true;
                continue;
            } catch (IOException e) {
                outcomes.add(new ReoptimizationOutcome(name, "FAILED", null, null, null, null, e.getMessage()));
                failures = true;
                continue;
            }
            if (limit != null) {
                plan = plan.withOptions(plan.optionsOrDefaults().withTimeLimit(limit));
            }
            err.println("re-optimizing " + name);
            Reoptimizer.Result result = reoptimizer.reoptimize(name, plan, progress -> {
            });
            outcomes.add(result.outcome());
            failures |= "FAILED".equals(result.outcome().status());
            if (result.outcome().kept()) {
                try {
                    ProblemJson.writeAtomically(result.keep(), file);
                } catch (IOException e) {
                    err.println("error: cannot write " + file + ": " + e.getMessage());
                    failures = true;
                }
            }
            out.printf(Locale.ROOT, "%-32s %-10s %s -> %s%n", name, result.outcome().status(),
                    result.outcome().scoreBefore(), result.outcome().scoreAfter() == null
                            ? result.outcome().error() : result.outcome().scoreAfter());
        }
        try {
            AtomicFiles.write(report, ProblemJson.write(outcomes));
        } catch (IOException e) {
            err.println("error: cannot write the report " + report + ": " + e.getMessage());
            return 1;
        }
        return failures ? 1 : 0;
    }
}
