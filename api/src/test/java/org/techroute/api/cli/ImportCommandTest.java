package org.techroute.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.techroute.data.export.VisitCsvWriter;
import org.techroute.data.json.ProblemJson;
import org.techroute.data.model.Problem;

class ImportCommandTest {

    static final Path DEMO = Path.of("../docs/examples/demo-problem.json");

    @TempDir
    Path dir;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    int run(String... args) {
        return new ImportCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
    }

    @Test
    void theDemoVisitsRoundTripThroughTheCommandLine() throws Exception {
        Problem demo = ProblemJson.read(DEMO);
        Path csv = Files.writeString(dir.resolve("visits.csv"), VisitCsvWriter.write(demo));
        Path base = dir.resolve("base.json");
        ProblemJson.writeAtomically(demo.withResources(demo.technicians(), demo.shifts(), List.of()), base);
        Path output = dir.resolve("problem.json");

        int status = run("--visits", csv.toString(), "--problem", base.toString(), "--output", output.toString());

        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(Files.readString(output)).isEqualTo(ProblemJson.write(demo));
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("200 visit(s) imported, 200 in all,"
                + " 20 technician(s), 40 shift(s)");
    }

    @Test
    void aMappedExportWithBadRowsWritesNothingAndListsEveryError() throws Exception {
        Path csv = Files.writeString(dir.resolve("tickets.csv"), """
                Ticket ID,Subject,Street,Latitude,Longitude,Estimate,Assignee
                T-1,Boiler,Städtle 1,47.14,9.52,45,Anna
                T-2,Heat pump,Landstrasse 5,,,60,Ben
                T-3,Fridge,,47.15,9.51,an hour,Ben
                """);
        Path output = dir.resolve("problem.json");

        int status = run("--visits", csv.toString(), "--problem", "../docs/examples/small-problem.json", "--output",
                output.toString(), "--map",
                "Ticket ID=id,Subject=customer,Street=address,Latitude=lat,Longitude=lon,Estimate=duration");

        assertThat(status).isEqualTo(2);
        assertThat(output).doesNotExist();
        assertThat(err.toString(StandardCharsets.UTF_8).lines().toList()).containsExactly(
                "error: " + csv + " has 2 error(s); nothing was written:",
                "  tickets.csv: line 3, column 'Latitude' (lat) [visit T-2]: the row has an address but no"
                        + " coordinates; techroute does not geocode addresses: fill the columns lat and lon (WGS84"
                        + " degrees, e.g. 47.1410 and 9.5209) for this visit",
                "  tickets.csv: line 4, column 'Estimate' (duration) [visit T-3]: 'an hour' is not a duration: write"
                        + " minutes (45), h:mm (1:30) or ISO-8601 (PT1H30M)");
    }

    @Test
    void unknownColumnsAreIgnoredAndSaidSo() throws Exception {
        Path csv = Files.writeString(dir.resolve("calls.csv"), "id,lat,lon,duration,notes,extra\nA,47.1,9.5,1:15,"
                + "\"ring, twice\",x\n");
        Path output = dir.resolve("problem.json");

        assertThat(run("--visits", csv.toString(), "--problem", "../docs/examples/small-problem.json", "--output",
                output.toString())).isZero();

        Problem problem = ProblemJson.read(output);
        assertThat(problem.visits()).hasSize(7).last().satisfies(v -> {
            assertThat(v.serviceDurationSeconds()).isEqualTo(4500);
            assertThat(v.notes()).isEqualTo("ring, twice");
        });
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("ignored columns (not techroute columns, not"
                + " mapped): extra");
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("1 visit(s) imported, 7 in all");
    }

    @Test
    void badCommandLines() {
        assertThat(run("--output", "x.json")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("option --visits is required", "usage:");
        assertThat(run("--visits", "a.csv", "--output", "x.json")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("option --problem is required");
        assertThat(run("--visits", dir.resolve("none.csv").toString(), "--problem",
                "../docs/examples/small-problem.json", "--output", "x.json")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("none.csv: no such file");
        assertThat(run("--visits", "a.csv", "--problem", "../docs/examples/small-problem.json", "--output",
                "x.json", "--map", "A=b")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--map: the mapping 'A=b' names no column");
    }
}
