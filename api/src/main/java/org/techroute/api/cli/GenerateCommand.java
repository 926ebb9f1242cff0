package org.techroute.api.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;

import org.techroute.data.demo.DemoFeature;
import org.techroute.data.demo.DemoProblemGenerator;
import org.techroute.data.demo.DemoSpec;
import org.techroute.data.demo.PointSource;
import org.techroute.data.json.ProblemJson;
import org.techroute.data.model.Problem;
import org.techroute.data.model.TravelMode;
import org.techroute.data.road.LazyRoadMatrixSource;
import org.techroute.data.road.RoadDemoPoints;

/**
 * {@code generate --output FILE [--technicians N] [--visits N] [--days N] [--seed N] [--travel-mode MODE]
 * [--features LIST]}: writes a demo problem; in road mode at points on the road graph. {@code --features} adds optional
 * parts, comma-separated ({@link DemoFeature}: {@code travel-limit}, {@code parts},
 * {@code crews}, {@code dependencies}); none by default.
 */
public final class GenerateCommand {

    private static final Set<String> OPTIONS = Set.of("output", "technicians", "visits", "days", "first-day", "seed",
            "travel-mode", "features");

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
            Long seed = line.longValue("seed");
            java.util.Set<DemoFeature> features;
            try {
                features = DemoFeature.parse(line.optional("features"));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.UsageException("--features: " + e.getMessage());
            }
            TravelMode travelMode = mode == null ? TravelMode.HAVERSINE : mode;
            DemoSpec spec = new DemoSpec("Demo", line.intValue("technicians", 20, 1), line.intValue("visits", 200, 0),
                    line.intValue("days", 2, 1), firstDay == null ? LocalDate.now().plusDays(1) : firstDay,
                    ZoneOffset.ofHours(1), travelMode, seed == null ? 1 : seed);
            PointSource points = PointSource.liechtenstein();
            if (travelMode == TravelMode.ROAD) {
                LazyRoadMatrixSource road = Planners.roadSource();
                if (road == null) {
                    throw new CommandLine.UsageException("road demo problems need a road graph: "
                            + Planners.located().reason());
                }
                try (road) {
                    points = RoadDemoPoints.of(road.graph(), spec);
                    Problem problem = DemoFeature.apply(DemoProblemGenerator.generate(spec, points), features);
                    ProblemJson.writeAtomically(problem, output);
                }
            } else {
                ProblemJson.writeAtomically(DemoFeature.apply(DemoProblemGenerator.generate(spec, points), features),
                        output);
            }
            err.println("wrote " + output + ": " + spec.technicians() + " technicians, " + spec.visits()
                    + " visits, " + spec.days() + " day(s)");
            return 0;
        } catch (CommandLine.UsageException | org.techroute.data.travel.UnsupportedTravelModeException e) {
            err.println("error: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("error: cannot write: " + e.getMessage());
            return 1;
        }
    }
}
