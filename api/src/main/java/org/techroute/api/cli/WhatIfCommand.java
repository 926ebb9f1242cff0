package org.techroute.api.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.techroute.data.json.AtomicFiles;
import org.techroute.data.json.ProblemFormatException;
import org.techroute.data.json.ProblemJson;
import org.techroute.data.model.Problem;
import org.techroute.data.model.Violation;
import org.techroute.data.whatif.VariantResult;
import org.techroute.data.whatif.WhatIfComparison;
import org.techroute.data.whatif.WhatIfReport;
import org.techroute.data.whatif.WhatIfRequest;

/**
 * {@code what-if --input problem.json --variants variants.json --output report.html [--json results.json]}:
 * solves each variant of a problem and writes their KPIs side by side as an HTML page (and as JSON).
 */
public final class WhatIfCommand {

    private static final Set<String> OPTIONS = Set.of("input", "variants", "output", "json");

    private final PrintStream out;
    private final PrintStream err;
    private final SolveCommand.PlannerFactory planners;

    public WhatIfCommand(PrintStream out, PrintStream err) {
        this(out, err, Planners::fromEnvironment);
    }

    public WhatIfCommand(PrintStream out, PrintStream err, SolveCommand.PlannerFactory planners) {
        this.out = out;
        this.err = err;
        this.planners = planners;
    }

    public int run(String[] args) {
        Problem base;
        WhatIfRequest request;
        Path output;
        Path json;
        try {
            CommandLine line = new CommandLine(args, OPTIONS);
            Path input = Path.of(line.required("input"));
            Path variants = Path.of(line.required("variants"));
            output = Path.of(line.required("output"));
            json = line.optional("json") == null ? null : Path.of(line.optional("json"));
            base = read(input, Problem.class, "a problem");
            request = read(variants, WhatIfRequest.class, "a what-if request");
            List<Violation> problems = WhatIfComparison.check(request);
            if (!problems.isEmpty()) {
                err.println("error: " + variants + " is not a valid what-if request; nothing was written:");
                problems.forEach(v -> err.println("  " + v));
                return 2;
            }
        } catch (CommandLine.UsageException e) {
            err.println("error: " + e.getMessage());
            err.println("usage: java -jar techroute.jar what-if --input FILE --variants FILE --output REPORT.html"
                    + " [--json RESULTS.json]");
            return 2;
        } catch (InputError e) {
            err.println("error: " + e.getMessage());
            return 2;
        }
        List<VariantResult> results = new WhatIfComparison(planners.create()).compare(base, request,
                (variant, progress) -> err.printf(Locale.ROOT, "[%s %6.1fs] best score %s%n", variant,
                        progress.elapsed().toMillis() / 1000.0, progress.score()));
        try {
            String title = "What if: " + (base.name() == null ? "problem" : base.name());
            AtomicFiles.write(output, WhatIfReport.html(title, results));
            if (json != null) {
                AtomicFiles.write(json, ProblemJson.write(results));
            }
        } catch (IOException e) {
            err.println("error: cannot write the report: " + e.getMessage());
            return 1;
        }
        for (VariantResult result : results) {
            out.printf(Locale.ROOT, "%-24s %-8s %s%n", result.name(), result.status(),
                    result.score() == null ? result.violations().size() + " problem(s)" : result.score());
        }
        return 0;
    }

    private static <T> T read(Path file, Class<T> type, String what) {
        if (!Files.isRegularFile(file)) {
            throw new InputError("cannot read " + file + ": no such file");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return ProblemJson.read(in, type, what);
        } catch (ProblemFormatException e) {
            throw new InputError(file + " is not " + what + "; nothing was written:\n  " + e.violation());
        } catch (IOException e) {
            throw new InputError("cannot read " + file + ": " + e.getMessage());
        }
    }

    private static final class InputError extends RuntimeException {
        InputError(String message) {
            super(message);
        }
    }
}
