package org.techroute.benchmarks.day;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.slf4j.LoggerFactory;

import org.techroute.data.demo.DemoFeature;
import org.techroute.data.mapping.ProblemMapper;
import org.techroute.data.model.TravelMode;
import org.techroute.data.road.ExtractLocator;
import org.techroute.data.road.LazyRoadMatrixSource;
import org.techroute.data.road.RoadGraphConfig;
import org.techroute.data.solve.Planner;
import org.techroute.data.travel.TravelMatrices;
import org.techroute.data.validation.ProblemValidator;

/**
 * {@code day [--days N] [--seed S] [--technicians T] [--visits V] [--changes C] [--steps K]
 * [--travel-mode haversine|road] [--osm FILE] [--cache DIR] [--report FILE] [--threads N] [--verbose]
 * [--features LIST]}: simulates N working days (seeds S, S+1, ...), each with C random changes re-planned with K
 * local search steps per solve, checks every plan with the {@link DayChecker} and prints a markdown summary. With
 * {@code --threads} several days are simulated at once; each day's result depends on its seed only, so the summary
 * is the same. Exit status 0 when no invariant was
 * violated, 1 when one was, 2 for bad options.
 */
public final class DayCommand {

    record Options(int days, long seed, int technicians, int visits, int changes, long steps, TravelMode mode,
            Path osm, Path cache, Path report, boolean verbose, int threads, java.util.Set<DemoFeature> features) {
    }

    private DayCommand() {
    }

    public static int run(String[] args) throws IOException {
        Options options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            usage();
            return 2;
        }
        if (options == null) {
            usage();
            return 0;
        }
        quietSolverLogs();
        LazyRoadMatrixSource road = null;
        try {
            TravelMatrices matrices;
            Travel.Source travel;
            if (options.mode() == TravelMode.ROAD) {
                Path cache = options.cache() != null ? options.cache()
                        : ExtractLocator.cacheFolder(Path.of("data-files", "graph-cache"), options.osm());
                road = new LazyRoadMatrixSource(RoadGraphConfig.car(options.osm(), cache));
                road.load();
                matrices = TravelMatrices.withRoads(road);
                travel = Travel.road(matrices);
            } else {
                matrices = TravelMatrices.withoutRoads("the day simulator runs in haversine mode");
                travel = Travel.haversine();
            }
            TravelMatrices sharedMatrices = matrices;
            Travel.Source sharedTravel = travel;
            var graph = road == null ? null : road.graph();
            // a simulator per thread: the mapping and solving are thread-safe, the simulator's own state is not
            ThreadLocal<DaySimulator> simulators = ThreadLocal.withInitial(() -> new DaySimulator(
                    new Planner(new ProblemMapper(new ProblemValidator(), sharedMatrices)), sharedTravel, graph,
                    new DaySimulator.Settings(options.technicians(), options.visits(), options.changes(),
                            options.steps(), options.mode(), options.features()), ChangeKinds.all()));
            DayReport report = new DayReport();
            long started = System.nanoTime();
            ExecutorService pool = Executors.newFixedThreadPool(options.threads());
            List<Future<DaySimulator.DayResult>> days = new ArrayList<>();
            for (int d = 0; d < options.days(); d++) {
                long seed = options.seed() + d;
                days.add(pool.submit(() -> simulators.get().run(seed)));
            }
            pool.shutdown();
            for (Future<DaySimulator.DayResult> future : days) {
                DaySimulator.DayResult day;
                try {
                    day = future.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    pool.shutdownNow();
                    throw new IOException("interrupted", e);
                } catch (ExecutionException e) {
                    pool.shutdownNow();
                    throw new IllegalStateException("a simulated day failed", e.getCause());
                }
                report.add(day);
                if (options.verbose()) {
                    System.err.printf(Locale.ROOT, "day %d: %d plans, %d changes, %d violations%n", day.seed(),
                            day.plans(), day.changes().size(), day.findings().size());
                    day.findings().forEach(f -> System.err.println("  " + f));
                }
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
            String title = String.format(Locale.ROOT, "Day simulator: %d days from seed %d, %d technicians (+1 on"
                    + " standby), %d visits, %d changes a day, %d steps per solve, %s (%.1f s)", options.days(),
                    options.seed(), options.technicians(), options.visits(), options.changes(), options.steps(),
                    options.mode().name().toLowerCase(Locale.ROOT), elapsed.toMillis() / 1000.0);
            String markdown = report.markdown(title);
            System.out.println(markdown);
            if (options.report() != null) {
                Files.writeString(options.report(), markdown);
            }
            return report.findings().isEmpty() ? 0 : 1;
        } finally {
            if (road != null) {
                road.close();
            }
        }
    }

    /** Timefold's per-solve log lines would drown the summary: hundreds of solves per run. */
    private static void quietSolverLogs() {
        if (LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext context) {
            context.getLogger("ai.timefold").setLevel(ch.qos.logback.classic.Level.WARN);
            context.getLogger("org.techroute").setLevel(ch.qos.logback.classic.Level.WARN);
            context.getLogger("com.graphhopper").setLevel(ch.qos.logback.classic.Level.WARN);
            context.getLogger("io.micrometer").setLevel(ch.qos.logback.classic.Level.WARN);
        }
    }

    private static void usage() {
        System.err.println("""
                Usage: day [--days N] [--seed S] [--technicians T] [--visits V] [--changes C] [--steps K]
                           [--travel-mode haversine|road] [--osm FILE] [--cache DIR] [--report FILE]
                           [--threads N] [--verbose] [--features LIST]
                  --days N         days to simulate, seeds S, S+1, ... (default 50)
                  --seed S         seed of the first day (default 1)
                  --technicians T  technicians with a shift; one more is on standby for ADD_SHIFT (default 4)
                  --visits V       visits planned in the morning (default 24)
                  --changes C      random changes per day, between 08:20 and 16:30 (default 6)
                  --steps K        local search steps per solve; no time limit is used (default 150)
                  --travel-mode M  haversine (default) or road (needs --osm)
                  --osm FILE       OSM extract for road travel, e.g. ../shared/data/osm/liechtenstein.osm.pbf
                  --cache DIR      graph cache folder (default data-files/graph-cache/<extract>)
                  --report FILE    also write the markdown summary to FILE
                  --threads N      days simulated at once (default 1); the summary does not depend on it
                  --verbose        every violation of every day on standard error
                  --features LIST  optional parts of the days, as the generate command's: travel-limit, parts,
                                   crews, dependencies (default none)
                Exit status: 0 no invariant violated, 1 some violated, 2 bad options.""");
    }

    static Options parse(String[] args) {
        int days = 50;
        long seed = 1;
        int technicians = 4;
        int visits = 24;
        int changes = 6;
        long steps = 150;
        TravelMode mode = TravelMode.HAVERSINE;
        Path osm = null;
        Path cache = null;
        Path report = null;
        boolean verbose = false;
        int threads = 1;
        java.util.Set<DemoFeature> features = java.util.Set.of();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("-h") || a.equals("--help")) {
                return null;
            }
            if (a.equals("--verbose")) {
                verbose = true;
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("option " + a + " needs a value");
            }
            String v = args[++i];
            switch (a) {
                case "--days" -> days = positive(a, v);
                case "--seed" -> seed = number(a, v);
                case "--technicians" -> technicians = positive(a, v);
                case "--visits" -> visits = positive(a, v);
                case "--changes" -> changes = positive(a, v);
                case "--steps" -> steps = positive(a, v);
                case "--travel-mode" -> mode = switch (v.toLowerCase(Locale.ROOT)) {
                    case "haversine" -> TravelMode.HAVERSINE;
                    case "road" -> TravelMode.ROAD;
                    default -> throw new IllegalArgumentException("--travel-mode must be haversine or road, not '"
                            + v + "'");
                };
                case "--osm" -> osm = Path.of(v);
                case "--cache" -> cache = Path.of(v);
                case "--report" -> report = Path.of(v);
                case "--threads" -> threads = positive(a, v);
                case "--features" -> features = DemoFeature.parse(v);
                default -> throw new IllegalArgumentException("unknown option " + a);
            }
        }
        if (mode == TravelMode.ROAD && (osm == null || !Files.isRegularFile(osm))) {
            throw new IllegalArgumentException("--travel-mode road needs --osm with an existing OSM extract"
                    + (osm == null ? "" : " (" + osm + " not found)"));
        }
        if (technicians < 2) {
            throw new IllegalArgumentException("--technicians must be at least 2");
        }
        return new Options(days, seed, technicians, visits, changes, steps, mode, osm, cache, report, verbose, threads,
                features);
    }

    private static int positive(String option, String value) {
        long n = number(option, value);
        if (n < 1 || n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(option + " must be a positive number, not '" + value + "'");
        }
        return (int) n;
    }

    private static long number(String option, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a number, not '" + value + "'");
        }
    }
}
