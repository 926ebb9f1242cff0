package org.techroute.api.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;

import org.techroute.data.demo.DemoProblemGenerator;
import org.techroute.data.demo.DemoSpec;
import org.techroute.data.demo.PointSource;
import org.techroute.data.json.ProblemJson;
import org.techroute.data.model.Problem;
import org.techroute.data.model.TravelMode;

/** {@code generate --output FILE [--technicians N] [--visits N] [--days N] [--seed N]}: writes a demo problem. */
public final class GenerateCommand {

    private static final Set<String> OPTIONS = Set.of("output", "technicians", "visits", "days", "first-day", "seed",
            "travel-mode");

    private final PrintStream err;

    public GenerateCommand(PrintStream err) {
        this.err = err;
    }

    public int run(String[] args) {
        try {
            CommandLine line = new CommandLine(args, OPTIONS);
            Path output = Path.of(line.required("output"));
            LocalDate firstDay = line.date("first-day");
            TravelMode mode = line.travelMode("travel-mode");
            if (mode == TravelMode.EUCLIDEAN) {
                throw new CommandLine.UsageException("demo problems are geographic: use road or haversine");
            }
            if (mode == TravelMode.ROAD) {
                throw new CommandLine.UsageException("road demo problems need a road graph; generate with"
                        + " --travel-mode haversine, or use the service's POST /api/demo");
            }
            Long seed = line.longValue("seed");
            DemoSpec spec = new DemoSpec("Demo", line.intValue("technicians", 20, 1), line.intValue("visits", 200, 0),
                    line.intValue("days", 2, 1), firstDay == null ? LocalDate.now().plusDays(1) : firstDay,
                    ZoneOffset.ofHours(1), TravelMode.HAVERSINE, seed == null ? 1 : seed);
            Problem problem = DemoProblemGenerator.generate(spec, PointSource.liechtenstein());
            ProblemJson.writeAtomically(problem, output);
            err.println("wrote " + output + ": " + spec.technicians() + " technicians, " + spec.visits()
                    + " visits, " + spec.days() + " day(s)");
            return 0;
        } catch (CommandLine.UsageException e) {
            err.println("error: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("error: cannot write: " + e.getMessage());
            return 1;
        }
    }
}
