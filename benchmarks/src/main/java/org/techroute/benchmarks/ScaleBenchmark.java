package org.techroute.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import ai.timefold.solver.core.api.solver.Solver;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.solver.SolverConfig;

import org.techroute.data.demo.DemoProblemGenerator;
import org.techroute.data.demo.DemoSpec;
import org.techroute.data.demo.PointSource;
import org.techroute.data.mapping.MappedProblem;
import org.techroute.data.mapping.ProblemMapper;
import org.techroute.data.model.Options;
import org.techroute.data.model.Problem;
import org.techroute.data.model.TravelMode;
import org.techroute.data.model.Violation;
import org.techroute.data.road.ExtractLocator;
import org.techroute.data.road.LazyRoadMatrixSource;
import org.techroute.data.road.RoadDemoPoints;
import org.techroute.data.road.RoadGraphConfig;
import org.techroute.data.solve.Planner;
import org.techroute.data.travel.TravelMatrices;
import org.techroute.data.validation.ProblemValidator;
import org.techroute.solver.config.SolveSettings;
import org.techroute.solver.config.TechrouteSolverConfig;
import org.techroute.solver.domain.Priority;
import org.techroute.solver.domain.RoutePlan;
import org.techroute.solver.domain.Visit;

/**
 * {@code scale [--visits 1000,2000,5000,10000] [--per-technician 7] [--time-limit PT120S] [--checkpoints 10,30,60]
 * [--osm FILE] [--seed 7] [--search-threads 1]}: generated one-day field-service problems of growing size, solved
 * with the production configuration (every default constraint on, one search thread unless
 * {@code --search-threads}: then that many independent searches, the best kept, as {@code options.searchThreads}). Reports per size: matrix time, time to the first
 * complete plan (every visit placed or left out by the construction), time until no serviceable CRITICAL visit is
 * unassigned, the best score at each checkpoint and at the end, and the peak heap.
 */
public final class ScaleBenchmark {

    private record Options0(List<Integer> visits, int perTechnician, Duration timeLimit, List<Integer> checkpoints,
            Path osm, long seed, int searchThreads) {
    }

    private ScaleBenchmark() {
    }

    public static int run(String[] args) {
        Options0 options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            usage();
            return 2;
        }
        LazyRoadMatrixSource road = options.osm() == null ? null
                : new LazyRoadMatrixSource(RoadGraphConfig.car(options.osm(),
                        ExtractLocator.cacheFolder(Path.of("data-files/graph-cache"), options.osm())));
        try {
            TravelMatrices matrices = road == null ? TravelMatrices.withoutRoads() : TravelMatrices.withRoads(road);
            Planner planner = new Planner(new ProblemMapper(new ProblemValidator(), matrices));
            System.out.println("| visits | technicians | travel | matrix s | first complete plan s | no serviceable"
                    + " CRITICAL unassigned s | " + String.join(" | ", options.checkpoints().stream()
                            .map(c -> "score at " + c + " s").toList())
                    + " | final score | CRITICAL unassigned (unserviceable) | peak heap MB | first complete plan |");
            System.out.println("(each score is followed by the weight of the visits left out, [W]: the medium score"
                    + " without criticalDelay)");
            System.out.println("|---:|---:|---|---:|---:|---:|" + "---|".repeat(options.checkpoints().size())
                    + "---|---:|---:|---|");
            for (int visits : options.visits()) {
                int technicians = Math.max(1, Math.round((float) visits / options.perTechnician()));
                TravelMode mode = road == null ? TravelMode.HAVERSINE : TravelMode.ROAD;
                DemoSpec spec = new DemoSpec("scale " + visits, technicians, visits, 1, LocalDate.of(2026, 11, 24),
                        ZoneOffset.ofHours(1), mode, options.seed());
                PointSource points = road == null ? PointSource.liechtenstein() : RoadDemoPoints.of(road.graph(), spec);
                Problem problem = DemoProblemGenerator.generate(spec, points);
                problem = problem.withOptions(problem.optionsOrDefaults().withTimeLimit(options.timeLimit())
                        .withSearchThreads(options.searchThreads()));
                System.out.println(row(planner, problem, visits, technicians, mode, options));
            }
            return 0;
        } finally {
            if (road != null) {
                road.close();
            }
        }
    }

    private static String row(Planner planner, Problem problem, int visits, int technicians, TravelMode mode,
            Options0 options) {
        resetPeaks();
        long matrixStart = System.nanoTime();
        MappedProblem mapped = planner.prepare(problem);
        double matrixSeconds = (System.nanoTime() - matrixStart) / 1e9;
        Set<String> unserviceable = new HashSet<>();
        for (Violation warning : mapped.warnings()) {
            if (warning.message().contains("can ever serve")) {
                unserviceable.add(warning.entityId());
            }
        }
        long unserviceableCritical = mapped.plan().getVisits().stream()
                .filter(v -> v.getPriority() == Priority.CRITICAL && unserviceable.contains(v.getId())).count();
        SolveSettings settings = Planner.settings(problem.optionsOrDefaults());
        SolverConfig config = TechrouteSolverConfig.create(settings, mapped.plan());
        Solver<RoutePlan> solver = Planner.buildSolver(SolverFactory.create(config), config, settings);
        long[] firstComplete = { -1 };
        long[] criticalDone = { -1 };
        List<Integer> checkpoints = options.checkpoints();
        String[] atCheckpoint = new String[checkpoints.size()];
        RoutePlan[] best = { null };
        String[] first = { "-" };
        long started = System.nanoTime();
        solver.addEventListener(event -> {
            long millis = (System.nanoTime() - started) / 1_000_000;
            RoutePlan plan = event.getNewBestSolution();
            // checkpoints passed since the last best hold the score of that last best
            for (int c = 0; c < checkpoints.size(); c++) {
                if (atCheckpoint[c] == null && millis > checkpoints.get(c) * 1000L) {
                    atCheckpoint[c] = best[0] == null ? "-" : withUnassignedWeight(best[0]);
                }
            }
            best[0] = plan; // described only at a checkpoint: this listener runs on the solver thread
            // Timefold announces the empty starting plan too; the construction's plan is the first with a route
            if (firstComplete[0] < 0 && plan.getVisits().stream().anyMatch(v -> v.getShift() != null)) {
                firstComplete[0] = millis;
                first[0] = withUnassignedWeight(plan); // once: the construction's plan, before any search
            }
            if (firstComplete[0] >= 0 && criticalDone[0] < 0 && criticalUnassigned(plan) <= unserviceableCritical) {
                criticalDone[0] = millis;
            }
        });
        RoutePlan solved = solver.solve(mapped.plan());
        for (int c = 0; c < checkpoints.size(); c++) {
            if (atCheckpoint[c] == null) {
                atCheckpoint[c] = checkpoints.get(c) * 1000L <= options.timeLimit().toMillis()
                        ? withUnassignedWeight(solved) : "-";
            }
        }
        return String.format(Locale.ROOT, "| %d | %d | %s | %.1f | %s | %s | %s | %s | %d (%d) | %d | %s |", visits,
                technicians, mode.name().toLowerCase(Locale.ROOT), matrixSeconds, seconds(firstComplete[0]),
                seconds(criticalDone[0]), String.join(" | ", atCheckpoint), withUnassignedWeight(solved),
                criticalUnassigned(solved), unserviceableCritical, peakHeapMegabytes(), first[0]);
    }

    /** The score and, in brackets, the summed unassigned weight of the visits left out. */
    static String withUnassignedWeight(RoutePlan plan) {
        long weight = 0;
        for (Visit visit : plan.getVisits()) {
            if (visit.getShift() == null) {
                weight += visit.getPriority().unassignedWeight();
            }
        }
        return plan.getScore() + " [" + weight + "]";
    }

    private static long criticalUnassigned(RoutePlan plan) {
        long count = 0;
        for (Visit visit : plan.getVisits()) {
            if (visit.getShift() == null && visit.getPriority() == Priority.CRITICAL) {
                count++;
            }
        }
        return count;
    }

    private static String seconds(long millis) {
        return millis < 0 ? "never" : String.format(Locale.ROOT, "%.1f", millis / 1000.0);
    }

    private static void resetPeaks() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    private static long peakHeapMegabytes() {
        long bytes = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                bytes += pool.getPeakUsage().getUsed();
            }
        }
        return bytes / (1024 * 1024);
    }

    private static Options0 parse(String[] args) {
        List<Integer> visits = List.of(1000, 2000, 5000, 10000);
        int perTechnician = 7;
        Duration timeLimit = Duration.ofSeconds(120);
        List<Integer> checkpoints = List.of(10, 30, 60);
        Path osm = null;
        long seed = 7;
        int searchThreads = 1;
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (flag.equals("-h") || flag.equals("--help")) {
                throw new IllegalArgumentException("usage");
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(flag + " needs a value");
            }
            String value = args[++i];
            try {
                switch (flag) {
                    case "--visits" -> visits = integers(value);
                    case "--per-technician" -> perTechnician = Integer.parseInt(value);
                    case "--time-limit" -> timeLimit = Duration.parse(value);
                    case "--checkpoints" -> checkpoints = integers(value);
                    case "--osm" -> osm = Path.of(value);
                    case "--seed" -> seed = Long.parseLong(value);
                    case "--search-threads" -> searchThreads = Integer.parseInt(value);
                    default -> throw new IllegalArgumentException("unknown option " + flag);
                }
            } catch (NumberFormatException | java.time.format.DateTimeParseException e) {
                throw new IllegalArgumentException(flag + ": not a valid value: " + value);
            }
        }
        if (perTechnician < 1 || visits.stream().anyMatch(v -> v < 1)) {
            throw new IllegalArgumentException("--visits and --per-technician must be positive");
        }
        if (searchThreads < 1 || searchThreads > Options.MAX_SEARCH_THREADS) {
            throw new IllegalArgumentException("--search-threads must be between 1 and " + Options.MAX_SEARCH_THREADS);
        }
        return new Options0(visits, perTechnician, timeLimit, checkpoints, osm, seed, searchThreads);
    }

    private static List<Integer> integers(String value) {
        List<Integer> list = new ArrayList<>();
        for (String part : value.split(",")) {
            list.add(Integer.parseInt(part.trim()));
        }
        return List.copyOf(list);
    }

    private static void usage() {
        System.err.println("""
                Usage: scale [--visits 1000,2000,5000,10000] [--per-technician 7] [--time-limit PT120S]
                             [--checkpoints 10,30,60] [--osm FILE] [--seed 7] [--search-threads 1]
                  --visits          problem sizes (one generated day each)
                  --per-technician  visits per technician: 7 is a full day, 20 an overbooked one
                  --time-limit      solving time per size (production configuration)
                  --checkpoints     seconds at which the best score is reported
                  --osm FILE        road travel on this extract (default: haversine)
                  --seed            generator seed
                  --search-threads  independent searches on as many threads, the best kept (default 1)""");
    }
}
