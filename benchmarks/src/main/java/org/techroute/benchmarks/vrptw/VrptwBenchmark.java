package org.techroute.benchmarks.vrptw;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

import org.slf4j.LoggerFactory;
import org.techroute.data.mapping.ProblemMapper;
import org.techroute.data.model.Options;
import org.techroute.data.model.Problem;
import org.techroute.data.solve.Planner;
import org.techroute.data.travel.TravelMatrices;
import org.techroute.data.validation.ProblemValidator;

/**
 * Solves VRPTW benchmark instances (Solomon / Gehring &amp; Homberger text files) with techroute's default solver
 * configuration and the distance-only objective, re-checks each result independently ({@link VrptwChecker}) and
 * compares it with best-known solutions.
 *
 * <pre>
 * vrptw --instances PATH... --bks FILE [--convention TEXT] [--hierarchical-bks FILE]
 *       [--time-limit PT30S] [--step-limit N] [--seed N] [--seeds K] [--warm-up PT20S] [--search-threads N]
 *       [--out results.csv]
 * </pre>
 * {@code --search-threads N} solves each instance with N independent searches on N threads, the best kept
 * ({@code options.searchThreads}; search i of seed s uses seed s + i, so with {@code --seeds} the searches of
 * consecutive seeds share seeds). The warm-up uses them too.
 * {@code --step-limit} also ends each solve after N local search steps (the same result on any machine: for
 * tests).
 * With {@code --seeds K} every instance is solved K times, with seeds N to N+K-1, and the summary gives each
 * seed's average gap and their mean. Before anything is timed, the JVM is warmed up for {@code --warm-up} (default
 * 20 s; {@code PT0S}: none) by untimed solves of the first instances, as a long-running service is warm.
 * PATH is a file or a directory (its {@code *.txt} files). {@code --bks} rows are filtered by convention
 * (default {@value #DEFAULT_CONVENTION}); the hierarchical table defaults to {@code bks.csv} next to it.
 * Exit code 0 when every result is feasible, 1 when any is not, 2 on bad arguments.
 */
public final class VrptwBenchmark {

    public static final String DEFAULT_CONVENTION = "distance only; double precision";

    static final String CSV_HEADER = "instance,customers,vehicles_available,time_limit_s,routes,distance,feasible,"
            + "violations,bks_distance,bks_vehicles,gap_pct,hier_bks_vehicles,hier_bks_distance,vehicle_diff,"
            + "hier_gap_pct,solve_seconds,score,seed";

    /** One instance's outcome. Gaps are null without a BKS. */
    record Row(String instance, int customers, int vehiclesAvailable, long timeLimitSeconds, int routes,
            double distance, List<String> violations, Double bksDistance, Integer bksVehicles, Double gapPct,
            Integer hierVehicles, Double hierDistance, Double hierGapPct, double solveSeconds, String score,
            long seed) {

        boolean feasible() {
            return violations.isEmpty();
        }

        Integer vehicleDiff() {
            return hierVehicles == null ? null : routes - hierVehicles;
        }
    }

    private VrptwBenchmark() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String[] args) {
        return run(args, System.out, System.err);
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Arguments arguments;
        try {
            arguments = Arguments.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("vrptw: " + e.getMessage());
            err.println("usage: vrptw --instances PATH... --bks FILE [--convention TEXT] [--hierarchical-bks FILE]"
                    + " [--time-limit PT30S] [--step-limit N] [--seed N] [--seeds K] [--warm-up PT20S]"
                    + " [--search-threads N] [--out results.csv]");
            return 2;
        }
        quietSolverLogs();
        BksTable bks = BksTable.read(arguments.bks, arguments.convention);
        BksTable hierarchical = arguments.hierarchicalBks == null ? BksTable.empty()
                : BksTable.read(arguments.hierarchicalBks, "");
        Planner planner = new Planner(new ProblemMapper(new ProblemValidator(), TravelMatrices.withoutRoads()));
        out.printf(Locale.ROOT, "%-10s %6s %10s %10s %8s %5s %8s %8s %8s%n", "instance", "routes", "distance",
                "bks", "gap%", "bksV", "hierV", "hierGap%", "time_s");
        warmUp(planner, arguments, out);
        List<Row> rows = new ArrayList<>();
        for (Path file : arguments.instances) {
            SolomonReader.Instance instance = SolomonReader.read(file);
            for (long seed = arguments.seed; seed < arguments.seed + arguments.seeds; seed++) {
                Row row = solve(planner, instance, arguments, seed, bks, hierarchical);
                rows.add(row);
                print(out, row);
                if (arguments.out != null) {
                    writeCsv(arguments.out, rows);
                }
            }
        }
        if (arguments.seeds > 1) {
            out.println(seedSummary(rows));
        }
        out.println(summary(rows));
        long infeasible = rows.stream().filter(r -> !r.feasible()).count();
        if (infeasible > 0) {
            out.println("FAILED: " + infeasible + " infeasible result(s): " + rows.stream().filter(r -> !r.feasible())
                    .map(Row::instance).toList());
            return 1;
        }
        return 0;
    }

    private static void print(PrintStream out, Row row) {
        out.printf(Locale.ROOT, "%-10s %6d %10.2f %10s %8s %5s %8s %8s %8.1f%s%n", row.instance(), row.routes(),
                row.distance(), fmt(row.bksDistance()), fmt(row.gapPct()),
                row.bksVehicles() == null ? "-" : row.bksVehicles().toString(),
                row.hierVehicles() == null ? "-" : row.hierVehicles() + "(" + signed(row.vehicleDiff()) + ")",
                fmt(row.hierGapPct()), row.solveSeconds(), row.feasible() ? "" : "  INFEASIBLE");
        for (String violation : row.violations()) {
            out.println("    INFEASIBLE " + row.instance() + ": " + violation);
        }
    }

    /**
     * Untimed solves of the instances, in order and round again, for {@code --warm-up}: the JIT compiles the solver's
     * hot paths before the first timed solve, as in a service that has been running. Each solve gets the time limit,
     * or what is left of the warm-up.
     */
    static void warmUp(Planner planner, Arguments arguments, PrintStream out) {
        if (arguments.warmUp.isZero()) {
            return;
        }
        long started = System.nanoTime();
        long budget = arguments.warmUp.toNanos();
        int solves = 0;
        while (System.nanoTime() - started < budget) {
            Path file = arguments.instances.get(solves % arguments.instances.size());
            long left = budget - (System.nanoTime() - started);
            // whole milliseconds: a solver time limit cannot hold nanoseconds
            Duration limit = Duration.ofMillis(Math.max(200, Math.min(left, arguments.timeLimit.toNanos()) / 1_000_000));
            planner.solve(arguments.withThreads(SolomonReader.toProblem(SolomonReader.read(file), limit,
                    arguments.seed + 1000 + solves)),
                    progress -> {
                    });
            solves++;
        }
        out.printf(Locale.ROOT, "warm-up: %d untimed solve(s) in %.1f s%n", solves,
                (System.nanoTime() - started) / 1e9);
    }

    static Row solve(Planner planner, SolomonReader.Instance instance, Arguments arguments, long seed, BksTable bks,
            BksTable hierarchical) {
        Problem problem = arguments.withThreads(SolomonReader.toProblem(instance, arguments.timeLimit, seed));
        if (arguments.stepLimit != null) {
            problem = problem.withOptions(problem.options().withStepLimit(arguments.stepLimit));
        }
        long started = System.nanoTime();
        Problem plan = planner.solve(problem, progress -> {
        });
        double seconds = (System.nanoTime() - started) / 1e9;
        VrptwChecker.Result check = VrptwChecker.check(instance, VrptwChecker.routesOf(plan.solution()));
        Optional<BksTable.Bks> best = bks.find(instance.name());
        Optional<BksTable.Bks> hier = hierarchical.find(instance.name());
        return new Row(instance.name(), instance.customers().size(), instance.vehicles(),
                arguments.timeLimit.toSeconds(), check.routes(), check.distance(), check.violations(),
                best.map(BksTable.Bks::distance).orElse(null), best.map(BksTable.Bks::vehicles).orElse(null),
                best.map(b -> gapPct(check.distance(), b.distance())).orElse(null),
                hier.map(BksTable.Bks::vehicles).orElse(null), hier.map(BksTable.Bks::distance).orElse(null),
                hier.map(b -> gapPct(check.distance(), b.distance())).orElse(null), seconds,
                plan.solution().score(), seed);
    }

    static double gapPct(double distance, double bks) {
        return (distance - bks) / bks * 100.0;
    }

    /** {@code instances=N feasible=N avg_gap=X% median_gap=Y%}, gaps over feasible results with a BKS. */
    static String summary(List<Row> rows) {
        List<Double> gaps = rows.stream().filter(r -> r.feasible() && r.gapPct() != null).map(Row::gapPct).sorted()
                .toList();
        long feasible = rows.stream().filter(Row::feasible).count();
        String avg = gaps.isEmpty() ? "n/a" : String.format(Locale.ROOT, "%.2f%%",
                gaps.stream().mapToDouble(Double::doubleValue).average().orElseThrow());
        String median = gaps.isEmpty() ? "n/a" : String.format(Locale.ROOT, "%.2f%%", median(gaps));
        return "instances=" + rows.size() + " feasible=" + feasible + " avg_gap=" + avg + " median_gap=" + median;
    }

    /**
     * {@code seeds=K per_seed_avg_gap=[a%, b%, ...] mean_of_seeds=X%}: each seed's average gap over the instances
     * (feasible results with a BKS) and their mean.
     */
    static String seedSummary(List<Row> rows) {
        java.util.TreeMap<Long, List<Double>> bySeed = new java.util.TreeMap<>();
        for (Row row : rows) {
            if (row.feasible() && row.gapPct() != null) {
                bySeed.computeIfAbsent(row.seed(), s -> new ArrayList<>()).add(row.gapPct());
            }
        }
        List<Double> averages = bySeed.values().stream()
                .map(gaps -> gaps.stream().mapToDouble(Double::doubleValue).average().orElseThrow()).toList();
        String each = String.join(", ", averages.stream().map(a -> String.format(Locale.ROOT, "%.2f%%", a)).toList());
        String mean = averages.isEmpty() ? "n/a" : String.format(Locale.ROOT, "%.2f%%",
                averages.stream().mapToDouble(Double::doubleValue).average().orElseThrow());
        return "seeds=" + bySeed.size() + " per_seed_avg_gap=[" + each + "] mean_of_seeds=" + mean;
    }

    static double median(List<Double> sorted) {
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
    }

    static void writeCsv(Path out, List<Row> rows) {
        StringBuilder csv = new StringBuilder(CSV_HEADER).append('\n');
        for (Row row : rows) {
            csv.append(String.join(",", row.instance(), Integer.toString(row.customers()),
                    Integer.toString(row.vehiclesAvailable()), Long.toString(row.timeLimitSeconds()),
                    Integer.toString(row.routes()), String.format(Locale.ROOT, "%.2f", row.distance()),
                    Boolean.toString(row.feasible()), quote(String.join("; ", row.violations())),
                    csvNumber(row.bksDistance()), row.bksVehicles() == null ? "" : row.bksVehicles().toString(),
                    csvNumber(row.gapPct()), row.hierVehicles() == null ? "" : row.hierVehicles().toString(),
                    csvNumber(row.hierDistance()), row.vehicleDiff() == null ? "" : row.vehicleDiff().toString(),
                    csvNumber(row.hierGapPct()), String.format(Locale.ROOT, "%.1f", row.solveSeconds()),
                    row.score(), Long.toString(row.seed()))).append('\n');
        }
        try {
            Path parent = out.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(out, csv, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out, e);
        }
    }

    private static String quote(String text) {
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }

    private static String csvNumber(Double value) {
        return value == null ? "" : String.format(Locale.ROOT, "%.2f", value);
    }

    private static String fmt(Double value) {
        return value == null ? "-" : String.format(Locale.ROOT, "%.2f", value);
    }

    private static String signed(Integer value) {
        return value > 0 ? "+" + value : value.toString();
    }

    /** Timefold logs every step at DEBUG without a logging configuration; keep the benchmark's output readable. */
    static void quietSolverLogs() {
        if (LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext context) {
            context.getLogger("ai.timefold").setLevel(ch.qos.logback.classic.Level.WARN);
            // One line per solve with the move evaluation speed.
            context.getLogger("ai.timefold.solver.core.impl.solver.DefaultSolver")
                    .setLevel(ch.qos.logback.classic.Level.INFO);
            context.getLogger("ai.timefold.solver.core.impl.constructionheuristic")
                    .setLevel(ch.qos.logback.classic.Level.INFO);
            context.getLogger("org.techroute").setLevel(ch.qos.logback.classic.Level.INFO);
            context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(ch.qos.logback.classic.Level.INFO);
        }
    }

    /** Parsed command line. */
    record Arguments(List<Path> instances, Path bks, String convention, Path hierarchicalBks, Duration timeLimit,
            Long stepLimit, long seed, int seeds, Duration warmUp, Path out, int searchThreads) {

        /** The problem with {@code --search-threads} in its options. */
        Problem withThreads(Problem problem) {
            return searchThreads == 1 ? problem
                    : problem.withOptions(problem.options().withSearchThreads(searchThreads));
        }

        static Arguments parse(String[] args) {
            List<Path> instances = new ArrayList<>();
            Path bks = null;
            Path hierarchical = null;
            String convention = DEFAULT_CONVENTION;
            Duration timeLimit = Duration.ofSeconds(30);
            long seed = 0;
            int seeds = 1;
            Long stepLimit = null;
            Duration warmUp = Duration.ofSeconds(20);
            Path out = null;
            int searchThreads = 1;
            for (int i = 0; i < args.length; i++) {
                String option = args[i];
                switch (option) {
                    case "--instances" -> {
                        while (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                            instances.addAll(expand(Path.of(args[++i])));
                        }
                    }
                    case "--bks" -> bks = Path.of(value(args, ++i, option));
                    case "--hierarchical-bks" -> hierarchical = Path.of(value(args, ++i, option));
                    case "--convention" -> convention = value(args, ++i, option);
                    case "--time-limit" -> {
                        String text = value(args, ++i, option);
                        try {
                            timeLimit = Duration.parse(text);
                        } catch (DateTimeParseException e) {
                            throw new IllegalArgumentException("--time-limit needs an ISO-8601 duration such as PT30S,"
                                    + " got '" + text + "'");
                        }
                        if (timeLimit.isZero() || timeLimit.isNegative()) {
                            throw new IllegalArgumentException("--time-limit must be positive");
                        }
                    }
                    case "--seed" -> {
                        String text = value(args, ++i, option);
                        try {
                            seed = Long.parseLong(text);
                        } catch (NumberFormatException e) {
                            throw new IllegalArgumentException("--seed needs an integer, got '" + text + "'");
                        }
                    }
                    case "--step-limit" -> {
                        String text = value(args, ++i, option);
                        try {
                            stepLimit = Long.parseLong(text);
                        } catch (NumberFormatException e) {
                            stepLimit = 0L;
                        }
                        if (stepLimit < 1) {
                            throw new IllegalArgumentException("--step-limit needs a positive integer, got '" + text
                                    + "'");
                        }
                    }
                    case "--seeds" -> {
                        String text = value(args, ++i, option);
                        try {
                            seeds = Integer.parseInt(text);
                        } catch (NumberFormatException e) {
                            seeds = 0;
                        }
                        if (seeds < 1) {
                            throw new IllegalArgumentException("--seeds needs a positive integer, got '" + text + "'");
                        }
                    }
                    case "--warm-up" -> {
                        String text = value(args, ++i, option);
                        try {
                            warmUp = Duration.parse(text);
                        } catch (DateTimeParseException e) {
                            throw new IllegalArgumentException("--warm-up needs an ISO-8601 duration such as PT20S"
                                    + " (PT0S: none), got '" + text + "'");
                        }
                        if (warmUp.isNegative()) {
                            throw new IllegalArgumentException("--warm-up must not be negative");
                        }
                    }
                    case "--out" -> out = Path.of(value(args, ++i, option));
                    case "--search-threads" -> {
                        String text = value(args, ++i, option);
                        try {
                            searchThreads = Integer.parseInt(text);
                        } catch (NumberFormatException e) {
                            searchThreads = 0;
                        }
                        if (searchThreads < 1 || searchThreads > Options.MAX_SEARCH_THREADS) {
                            throw new IllegalArgumentException("--search-threads needs an integer from 1 to "
                                    + Options.MAX_SEARCH_THREADS + ", got '" + text + "'");
                        }
                    }
                    default -> throw new IllegalArgumentException("unknown argument '" + option + "'");
                }
            }
            if (instances.isEmpty()) {
                throw new IllegalArgumentException("--instances needs at least one file or directory");
            }
            if (bks == null) {
                throw new IllegalArgumentException("--bks is required");
            }
            if (!Files.isRegularFile(bks)) {
                throw new IllegalArgumentException("no BKS file " + bks);
            }
            if (hierarchical == null) {
                Path sibling = bks.toAbsolutePath().resolveSibling("bks.csv");
                if (Files.isRegularFile(sibling)) {
                    hierarchical = sibling;
                }
            }
            return new Arguments(List.copyOf(instances), bks, convention, hierarchical, timeLimit, stepLimit, seed, seeds,
                    warmUp, out, searchThreads);
        }

        private static String value(String[] args, int i, String option) {
            if (i >= args.length || args[i].startsWith("--")) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args[i];
        }

        private static List<Path> expand(Path path) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> files = Files.list(path)) {
                    return files.filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".txt"))
                            .sorted().toList();
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot list " + path, e);
                }
            }
            if (!Files.isRegularFile(path)) {
                throw new IllegalArgumentException("no instance file or directory " + path);
            }
            return List.of(path);
        }
    }
}
