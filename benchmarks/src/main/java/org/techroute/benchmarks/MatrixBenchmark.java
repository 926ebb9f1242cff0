package org.techroute.benchmarks;

import com.graphhopper.GHRequest;
import com.graphhopper.GHResponse;
import com.graphhopper.GraphHopper;
import org.techroute.data.road.LatLon;
import org.techroute.data.road.RoadGraph;
import org.techroute.data.road.RoadGraphConfig;
import org.techroute.data.road.RoadMatrixService;
import org.techroute.data.road.RoadPointSampler;
import org.techroute.data.road.SnapResult;
import org.techroute.solver.travel.CompactTravelTimeMatrix;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * {@code matrix --osm FILE --points N [--sample K] [--threads T] [--cache DIR] [--seed S]}: imports or loads the
 * road graph, samples N road points, computes the N x N matrix and compares it with one GraphHopper
 * {@code route()} per pair on K random pairs (time per route extrapolated to N x N pairs).
 */
public final class MatrixBenchmark {

    private record Options(Path osm, int points, int sample, int threads, Path cache, long seed, int repeat) {
    }

    private MatrixBenchmark() {
    }

    public static void main(String[] args) {
        Options o;
        try {
            o = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            usage();
            System.exit(2);
            return;
        }
        run(o);
    }

    private static void usage() {
        System.err.println("""
                Usage: matrix --osm FILE --points N [--sample K] [--threads T] [--cache DIR] [--seed S] [--repeat R]
                  --osm FILE     OSM extract (.osm.pbf, .osm, .osm.gz)
                  --points N     number of random road points (matrix is N x N)
                  --sample K     random pairs routed one by one with route() for comparison (default 1000)
                  --threads T    matrix threads (default: available processors)
                  --cache DIR    graph cache folder (default data-files/graph-cache/<extract name>)
                  --seed S       random seed for points and pairs (default 42)
                  --repeat R     timed matrix runs after the first (default 3); best and median are reported""");
    }

    private static Options parse(String[] args) {
        Path osm = null;
        Integer points = null;
        int sample = 1000;
        int threads = Runtime.getRuntime().availableProcessors();
        Path cache = null;
        long seed = 42;
        int repeat = 3;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("-h") || a.equals("--help")) {
                usage();
                System.exit(0);
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("option " + a + " needs a value");
            }
            String v = args[++i];
            switch (a) {
                case "--osm" -> osm = Path.of(v);
                case "--points" -> points = positiveInt(a, v);
                case "--sample" -> sample = positiveInt(a, v);
                case "--threads" -> threads = positiveInt(a, v);
                case "--cache" -> cache = Path.of(v);
                case "--seed" -> seed = Long.parseLong(v);
                case "--repeat" -> repeat = positiveInt(a, v);
                default -> throw new IllegalArgumentException("unknown option " + a);
            }
        }
        if (osm == null || points == null) {
            throw new IllegalArgumentException("--osm and --points are required");
        }
        if (!Files.isRegularFile(osm)) {
            throw new IllegalArgumentException("OSM extract not found: " + osm.toAbsolutePath());
        }
        if (cache == null) {
            String name = osm.getFileName().toString().replaceAll("\\.osm(\\.pbf|\\.gz)?$", "");
            cache = Path.of("data-files", "graph-cache", name);
        }
        return new Options(osm, points, sample, threads, cache, seed, repeat);
    }

    private static int positiveInt(String option, String value) {
        try {
            int n = Integer.parseInt(value);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // fall through
        }
        throw new IllegalArgumentException(option + " must be a positive integer, got '" + value + "'");
    }

    private static void run(Options o) {
        RoadGraphConfig config = RoadGraphConfig.car(o.osm(), o.cache());
        System.out.println("load average (1/5/15 min) at start: " + loadAverage());
        System.out.printf(Locale.ROOT, "extract %s, cache %s, %d points, %d threads, sample %d pairs, max heap %d MB%n",
                o.osm(), o.cache(), o.points(), o.threads(), o.sample(), Runtime.getRuntime().maxMemory() >> 20);

        long t = System.nanoTime();
        RoadGraph graph = new RoadGraph(config).importOrLoad();
        double firstSeconds = seconds(t);
        if (graph.wasImported()) {
            System.out.printf(Locale.ROOT, "import (OSM parse + CH preparation): %.2f s%n", firstSeconds);
            graph.close();
            t = System.nanoTime();
            graph = new RoadGraph(config).importOrLoad();
        }
        System.out.printf(Locale.ROOT, "load from cache (incl. CH edge time/distance table, sweep order): %.2f s (%d graph nodes)%n",
                graph.wasImported() ? firstSeconds : seconds(t), graph.nodeCount());

        t = System.nanoTime();
        List<LatLon> points = new RoadPointSampler(graph, o.seed()).points(o.points());
        System.out.printf(Locale.ROOT, "sampling %d road points: %.2f s%n", o.points(), seconds(t));

        t = System.nanoTime();
        SnapResult snaps = graph.snapAll(points);
        double snapSeconds = seconds(t);
        System.out.printf(Locale.ROOT, "snapping %d points: %.3f s%n", o.points(), snapSeconds);

        RoadMatrixService service = new RoadMatrixService(graph, o.threads(), 0, 0);
        t = System.nanoTime();
        CompactTravelTimeMatrix matrix = service.matrix(snaps);
        double coldSeconds = seconds(t);
        System.out.printf(Locale.ROOT, "matrix %dx%d, first run after load (cold JIT): %.3f s%n",
                o.points(), o.points(), coldSeconds);
        long pairs = (long) o.points() * o.points();
        double[] runs = new double[o.repeat()];
        for (int r = 0; r < runs.length; r++) {
            t = System.nanoTime();
            matrix = service.matrix(snaps);
            runs[r] = seconds(t);
            System.out.printf(Locale.ROOT, "matrix %dx%d, run %d: %.3f s = %.3f us per pair%n",
                    o.points(), o.points(), r + 1, runs[r], runs[r] * 1e6 / pairs);
        }
        double[] sorted = runs.clone();
        java.util.Arrays.sort(sorted);
        double matrixSeconds = sorted[(sorted.length - 1) / 2];
        System.out.printf(Locale.ROOT, "matrix %dx%d after load: best %.3f s, median %.3f s (%.3f us per pair)%n",
                o.points(), o.points(), sorted[0], matrixSeconds, matrixSeconds * 1e6 / pairs);
        Runtime rt = Runtime.getRuntime();
        System.out.printf(Locale.ROOT, "heap used after matrix: %d MB%n", (rt.totalMemory() - rt.freeMemory()) >> 20);

        compareWithRoutes(graph, snaps.snappedPoints(), matrix, o, matrixSeconds);
        System.out.println("load average (1/5/15 min) at end: " + loadAverage());
        graph.close();
    }

    private static void compareWithRoutes(RoadGraph graph, List<LatLon> points, CompactTravelTimeMatrix matrix,
                                          Options o, double matrixSeconds) {
        GraphHopper gh = graph.graphHopper();
        String profile = graph.config().profileName();
        Random random = new Random(o.seed() + 1);
        int n = points.size();
        // warm-up, not timed
        for (int k = 0; k < Math.min(200, o.sample()); k++) {
            route(gh, profile, points.get(random.nextInt(n)), points.get(random.nextInt(n)));
        }
        int mismatches = 0;
        double maxSecondsDiff = 0;
        double maxMetersDiff = 0;
        long nanos = 0;
        for (int k = 0; k < o.sample(); k++) {
            int i = random.nextInt(n);
            int j = random.nextInt(n);
            long t = System.nanoTime();
            GHResponse r = route(gh, profile, points.get(i), points.get(j));
            nanos += System.nanoTime() - t;
            if (r.hasErrors()) {
                if (matrix.isReachable(i, j)) {
                    mismatches++;
                }
                continue;
            }
            double secondsDiff = Math.abs(matrix.travelMillis(i, j) - r.getBest().getTime()) / 1000.0;
            double metersDiff = Math.abs(matrix.distanceMeters(i, j) - r.getBest().getDistance());
            maxSecondsDiff = Math.max(maxSecondsDiff, secondsDiff);
            maxMetersDiff = Math.max(maxMetersDiff, metersDiff);
            if (secondsDiff > 1 || metersDiff > 1) {
                mismatches++;
            }
        }
        double microsPerRoute = nanos / 1e3 / o.sample();
        double extrapolatedSeconds = microsPerRoute * 1e-6 * n * n;
        System.out.printf(Locale.ROOT, "route() one pair at a time: %.1f us per route (%d sampled pairs, single thread)%n",
                microsPerRoute, o.sample());
        System.out.printf(Locale.ROOT, "route() extrapolated to %dx%d pairs: %.1f s%n", n, n, extrapolatedSeconds);
        System.out.printf(Locale.ROOT, "speedup matrix (median, %d threads) vs route() per pair: %.0fx%n", o.threads(),
                extrapolatedSeconds / matrixSeconds);
        System.out.printf(Locale.ROOT, "agreement on sample: %d mismatches (>1 s or >1 m), max diff %.3f s, %.3f m%n",
                mismatches, maxSecondsDiff, maxMetersDiff);
    }

    private static GHResponse route(GraphHopper gh, String profile, LatLon from, LatLon to) {
        return gh.route(new GHRequest(from.lat(), from.lon(), to.lat(), to.lon()).setProfile(profile)
                .putHint("calc_points", false).putHint("instructions", false));
    }

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (java.io.IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
