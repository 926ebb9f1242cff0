package org.techroute.benchmarks;

import org.techroute.benchmarks.day.DayCommand;
import org.techroute.benchmarks.load.LoadTest;
import org.techroute.benchmarks.vrptw.TuningBenchmark;
import org.techroute.benchmarks.vrptw.VrptwBenchmark;

import java.util.Arrays;

/**
 * Entry point of the benchmarks jar: {@code java -jar techroute-benchmarks.jar COMMAND [options]}.
 * Dispatches on the command name; add a case per benchmark.
 */
public final class BenchmarksMain {

    private BenchmarksMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            usage();
            System.exit(2);
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        switch (args[0]) {
            case "matrix" -> MatrixBenchmark.main(rest);
            case "load" -> LoadTest.main(rest);
            case "vrptw" -> System.exit(VrptwBenchmark.run(rest));
            case "tuning" -> TuningBenchmark.main(rest);
            case "scale" -> System.exit(ScaleBenchmark.run(rest));
            case "day" -> System.exit(DayCommand.run(rest));
            case "appointments" -> System.exit(AppointmentBenchmark.run(rest));
            case "-h", "--help", "help" -> usage();
            default -> {
                System.err.println("unknown benchmark command: " + args[0]);
                usage();
                System.exit(2);
            }
        }
    }

    private static void usage() {
        System.err.println("""
                Usage: java -jar techroute-benchmarks.jar COMMAND [options]
                Commands:
                  matrix   road travel matrix speed vs. point-to-point routes (matrix --help for options)
                  load     bounded loopback load test of a running service (see benchmarks/RESULTS-load.md)
                  vrptw    solution quality on Solomon / Gehring-Homberger instances against best-known solutions
                  tuning   compare solver configurations with Timefold's Benchmarker (HTML report)
                  scale    generated field-service days of 1k-10k visits: time to a complete plan, CRITICAL, heap
                  day      simulate working days with live changes and check every re-plan (day --help)
                  appointments  time to judge appointment slots for a new visit in a large plan""");
    }
}
