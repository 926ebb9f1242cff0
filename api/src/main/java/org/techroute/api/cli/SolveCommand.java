package org.techroute.api.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.techroute.data.json.ProblemFormatException;
import org.techroute.data.json.ProblemJson;
import org.techroute.data.mapping.MappedProblem;
import org.techroute.data.model.Options;
import org.techroute.data.model.Problem;
import org.techroute.data.model.Solution;
import org.techroute.data.model.Violation;
import org.techroute.data.solve.Planner;
import org.techroute.data.travel.UnsupportedTravelModeException;
import org.techroute.data.validation.InvalidProblemException;

/**
 * {@code solve --input problem.json --output plan.json [--time-limit PT30S] [--seed N] [--steps N]}: reads,
 * validates and solves a problem, printing each new best score, and writes the plan. On invalid input it
 * prints every problem found, naming the entity, and writes nothing.
 */
public final class SolveCommand {

    private static final Set<String> OPTIONS = Set.of("input", "output", "time-limit", "seed", "steps",
            "travel-mode");

    private final PrintStream out;
    private final PrintStream err;
    private final PlannerFactory planners;

    /** Builds the planner for a run (the road graph, when configured, is opened here). */
    public interface PlannerFactory {
        Planner create();
    }

    public SolveCommand(PrintStream out, PrintStream err) {
        this(out, err, Planners::fromEnvironment);
    }

    public SolveCommand(PrintStream out, PrintStream err, PlannerFactory planners) {
        this.out = out;
        this.err = err;
        this.planners = planners;
    }

    public int run(String[] args) {
        Path input;
        Path output;
        Problem problem;
        try {
            CommandLine line = new CommandLine(args, OPTIONS);
            input = Path.of(line.required("input"));
            output = Path.of(line.required("output"));
            problem = read(input);
            problem = withOverrides(problem, line);
        } catch (CommandLine.UsageException e) {
            err.println("error: " + e.getMessage());
            err.println("usage: java -jar techroute.jar solve --input FILE --output FILE [--time-limit PT30S]"
                    + " [--seed N] [--steps N] [--travel-mode MODE]");
            return 2;
        } catch (InputException e) {
            err.println("error: " + e.getMessage());
            return 2;
        }

        Planner planner;
        MappedProblem mapped;
        try {
            planner = planners.create();
            mapped = planner.prepare(problem);
        } catch (InvalidProblemException e) {
            err.println("error: " + input + " is not a valid problem (" + e.violations().size()
                    + " problem(s)); nothing was written:");
            e.violations().forEach(v -> err.println("  " + v));
            return 2;
        } catch (UnsupportedTravelModeException e) {
            err.println("error: " + e.getMessage() + "; nothing was written");
            return 2;
        }
        for (Violation warning : mapped.warnings()) {
            err.println("warning: " + warning);
        }
        err.printf(Locale.ROOT, "solving %d visits on %d shifts for %s (%s travel)%n",
                mapped.plan().getVisits().size(), mapped.plan().getShifts().size(),
                format(problem.optionsOrDefaults().effectiveTimeLimit()),
                problem.optionsOrDefaults().effectiveTravelMode().jsonName());
        Problem plan;
        try {
            plan = planner.solve(mapped, progress -> err.printf(Locale.ROOT, "[%7.1fs] best score %s%s%n",
                    progress.elapsed().toMillis() / 1000.0, progress.score(), progress.feasible() ? "" : " (infeasible)"));
        } catch (RuntimeException e) {
            err.println("error: solving failed: " + e.getMessage() + "; nothing was written");
            return 1;
        }
        try {
            ProblemJson.writeAtomically(plan, output);
        } catch (IOException e) {
            err.println("error: cannot write " + output + ": " + e.getMessage());
            return 1;
        }
        Solution solution = plan.solution();
        out.printf(Locale.ROOT, "%s: score %s, %d of %d visits assigned, %d shift(s) used, travel %s min, %s km%n",
                output, solution.score(), solution.kpis().visitsAssigned(),
                solution.kpis().visitsAssigned() + solution.kpis().visitsUnassigned(), solution.kpis().shiftsUsed(),
                solution.kpis().travelSeconds().divide(java.math.BigDecimal.valueOf(60), 1,
                        java.math.RoundingMode.HALF_UP),
                solution.kpis().travelMeters().divide(java.math.BigDecimal.valueOf(1000), 1,
                        java.math.RoundingMode.HALF_UP));
        return 0;
    }

    private static Problem read(Path input) {
        if (!Files.isRegularFile(input)) {
            throw new InputException("cannot read " + input + ": no such file");
        }
        try {
            return ProblemJson.read(input);
        } catch (ProblemFormatException e) {
            throw new InputException(input + " is not a valid problem; nothing was written:\n  " + e.violation());
        } catch (NoSuchFileException e) {
            throw new InputException("cannot read " + input + ": no such file");
        } catch (IOException e) {
            throw new InputException("cannot read " + input + ": " + e.getMessage());
        }
    }

    private static Problem withOverrides(Problem problem, CommandLine line) {
        Options options = problem.optionsOrDefaults();
        Duration limit = line.duration("time-limit");
        if (limit != null) {
            options = options.withTimeLimit(limit);
        }
        Long seed = line.longValue("seed");
        if (seed != null) {
            options = options.withRandomSeed(seed);
        }
        Long steps = line.longValue("steps");
        if (steps != null) {
            if (steps < 0) {
                throw new CommandLine.UsageException("option --steps must not be negative");
            }
            options = options.withStepLimit(steps);
        }
        var mode = line.travelMode("travel-mode");
        if (mode != null) {
            options = options.withTravelMode(mode);
        }
        return problem.withOptions(options);
    }

    private static String format(Duration duration) {
        return duration.toString().substring(2).toLowerCase(Locale.ROOT);
    }

    /** An input file that cannot be used. */
    private static final class InputException extends RuntimeException {
        InputException(String message) {
            super(message);
        }
    }

}
