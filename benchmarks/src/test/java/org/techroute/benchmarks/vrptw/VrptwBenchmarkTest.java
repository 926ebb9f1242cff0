package org.techroute.benchmarks.vrptw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VrptwBenchmarkTest {

    static final String TINY = """
            TINY1

            VEHICLE
            NUMBER     CAPACITY
              2         10

            CUSTOMER
            CUST NO.  XCOORD.   YCOORD.    DEMAND   READY TIME  DUE DATE   SERVICE   TIME

                0      0          0          0          0       1000          0
                1      30         40         5          0        200         10
                2      60         80         5         50        300         10
                3     -30        -40         4          0        500         20
                4       0        -50         6        100        400          5
            """;

    @Test
    void readsBksRowsOfTheChosenConvention() {
        BksTable table = BksTable.parse(List.of(
                "instance,customers,vehicles,distance,source,convention",
                "C101,100,10,828.94,\"a \"\"quoted\"\", source\",\"hierarchical (vehicles, then distance)\"",
                "C101,100,10,827.3,src,DIMACS: distance only; each arc truncated to 1 decimal",
                "C101,100,10,828.93,src,distance only; double precision (used by VROOM wiki)",
                "r1_10_1,1000,,1234.5,src,distance only; double precision"), "distance only; double precision",
                "test");
        assertThat(table.size()).isEqualTo(2);
        assertThat(table.find("c101")).get().extracting(BksTable.Bks::distance).isEqualTo(828.93);
        assertThat(table.find("R1_10_1")).get().extracting(BksTable.Bks::vehicles).isNull();
        assertThat(BksTable.split("a,\"b,c\",\"d\"\"e\"")).containsExactly("a", "b,c", "d\"e");
    }

    @Test
    void summarisesGapsOfFeasibleResults() {
        var ok1 = row("A", List.of(), 1.0);
        var ok2 = row("B", List.of(), 3.0);
        var ok3 = row("C", List.of(), 8.0);
        var bad = row("D", List.of("customer 1 is not served"), -50.0);
        assertThat(VrptwBenchmark.summary(List.of(ok1, ok2, ok3, bad)))
                .isEqualTo("instances=4 feasible=3 avg_gap=4.00% median_gap=3.00%");
        assertThat(VrptwBenchmark.median(List.of(1.0, 2.0, 4.0, 10.0))).isEqualTo(3.0);
        assertThat(VrptwBenchmark.gapPct(103.0, 100.0)).isCloseTo(3.0, within(1e-9));
    }

    @Test
    void rejectsBadArguments(@TempDir Path dir) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
        assertThat(VrptwBenchmark.run(new String[] { "--bks", "x.csv" }, System.out, errStream)).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--instances");
        assertThat(VrptwBenchmark.run(new String[] { "--instances", dir.toString(), "--bks", "nope.csv" },
                System.out, errStream)).isEqualTo(2);
        assertThat(VrptwBenchmark.run(new String[] { "--instances", dir.toString(), "--bks", "x.csv", "--seeds", "0" },
                System.out, errStream)).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--seeds needs a positive integer, got '0'");
        assertThat(VrptwBenchmark.run(new String[] { "--instances", dir.toString(), "--bks", "x.csv", "--warm-up",
                "soon" }, System.out, errStream)).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--warm-up needs an ISO-8601 duration");
        assertThat(VrptwBenchmark.run(new String[] { "--instances", dir.toString(), "--bks", "x.csv",
                "--search-threads", "17" }, System.out, errStream)).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--search-threads needs an integer from 1 to 16");
    }

    @Test
    void solvesWithTwoSearchThreads(@TempDir Path dir) throws Exception {
        Path instances = tinyInstances(dir);
        Path bks = dir.resolve("bks_alternatives.csv");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = VrptwBenchmark.run(new String[] { "--instances", instances.toString(), "--bks", bks.toString(),
                "--time-limit", "PT5M", "--step-limit", "100", "--warm-up", "PT0S", "--search-threads", "2" },
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(printed).isZero();
        assertThat(printed).contains("instances=1 feasible=1").contains("331.62");
    }

    @Test
    void solvesChecksAndWritesCsv(@TempDir Path dir) throws Exception {
        Path instances = tinyInstances(dir);
        Files.writeString(instances.resolve("notes.md"), "ignored");
        Path bks = dir.resolve("bks_alternatives.csv");
        Files.writeString(dir.resolve("bks.csv"), """
                instance,customers,vehicles,distance,source
                TINY1,4,2,310.0,made up
                """);
        Path csv = dir.resolve("out/results.csv");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = VrptwBenchmark.run(new String[] { "--instances", instances.toString(), "--bks", bks.toString(),
                "--time-limit", "PT5M", "--step-limit", "100", "--warm-up", "PT0S", "--out", csv.toString() },
                new PrintStream(out, true, StandardCharsets.UTF_8),
                System.err);
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(printed).isZero();
        assertThat(printed).contains("instances=1 feasible=1");
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).isEqualTo(VrptwBenchmark.CSV_HEADER);
        String[] fields = lines.get(1).split(",");
        assertThat(fields[0]).isEqualTo("TINY1");
        assertThat(fields[4]).isEqualTo("2"); // routes: demand 20 needs both vans
        assertThat(fields[6]).isEqualTo("true");
        assertThat(fields[8]).isEqualTo("300.00");
        assertThat(fields[11]).isEqualTo("2");
        assertThat(fields[12]).isEqualTo("310.00");
        // The optimum: depot-1-2-depot is 50+50+100 = 200, depot-3-4-depot ~ 50+31.62+50 = 131.62.
        assertThat(Double.parseDouble(fields[5])).isCloseTo(331.62, within(0.01));
    }

    @Test
    void theWarmUpEndsOnWhatIsLeftOfItsTime(@TempDir Path dir) throws Exception {
        // 0.5 s of warm-up with 0.3 s solves leaves 0.2 s and some nanoseconds for the last one: a time limit
        // with nanoseconds used to stop the command ("cannot use nanoseconds")
        Path instances = tinyInstances(dir);
        Path bks = dir.resolve("bks_alternatives.csv");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = VrptwBenchmark.run(new String[] { "--instances", instances.toString(), "--bks", bks.toString(),
                "--time-limit", "PT0.3S", "--warm-up", "PT0.5S", "--out", dir.resolve("r.csv").toString() },
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(printed).isZero();
        assertThat(printed).contains("warm-up: ").contains("instances=1 feasible=1");
    }

    /** {@code dir/instances} with the TINY1 instance, and its distance-only best known in {@code dir/bks_alternatives.csv}. */
    private static Path tinyInstances(Path dir) throws IOException {
        Path instances = Files.createDirectories(dir.resolve("instances"));
        Files.writeString(instances.resolve("TINY1.txt"), TINY);
        Files.writeString(dir.resolve("bks_alternatives.csv"), """
                instance,customers,vehicles,distance,source,convention
                tiny1,4,2,300.0,made up,distance only; double precision
                """);
        return instances;
    }

    @Test
    void theSeedSummaryAveragesEachSeedThenTheSeeds() {
        List<VrptwBenchmark.Row> rows = List.of(row("A", List.of(), 1.0, 0), row("B", List.of(), 3.0, 0),
                row("A", List.of(), 2.0, 1), row("B", List.of(), 2.0, 1), row("A", List.of("late"), 50.0, 2),
                row("B", List.of(), 5.0, 2));
        assertThat(VrptwBenchmark.seedSummary(rows))
                .isEqualTo("seeds=3 per_seed_avg_gap=[2.00%, 2.00%, 5.00%] mean_of_seeds=3.00%");
    }

    private static VrptwBenchmark.Row row(String name, List<String> violations, double gap, long seed) {
        return new VrptwBenchmark.Row(name, 100, 25, 30, 10, 1000, violations, 1000.0, 10, gap, null, null, null,
                30.0, "0hard/0medium/0soft", seed);
    }

    private static VrptwBenchmark.Row row(String name, List<String> violations, double gap) {
        return new VrptwBenchmark.Row(name, 100, 25, 30, 10, 1000, violations, 1000.0, 10, gap, null, null, null,
                30.0, "0hard/0medium/0soft", 0);
    }
}
