package org.techroute.api.cli;

import java.nio.file.Path;

import org.techroute.data.mapping.ProblemMapper;
import org.techroute.data.road.ExtractLocator;
import org.techroute.data.road.LazyRoadMatrixSource;
import org.techroute.data.road.RoadGraphConfig;
import org.techroute.data.solve.Planner;
import org.techroute.data.travel.TravelMatrices;
import org.techroute.data.validation.ProblemValidator;

/**
 * Builds the command line's planner from its environment. The road graph comes from {@code TECHROUTE_OSM_FILE}
 * (or {@code -Dtechroute.osm.file}), else from the only extract in {@code <data dir>/osm}; the data dir is
 * {@code TECHROUTE_DATA_DIR} (or {@code -Dtechroute.data-dir}), default {@code ./data-files}. The graph is
 * imported or loaded only when a problem in road travel mode needs it.
 */
final class Planners {

    private Planners() {
    }

    static Planner fromEnvironment() {
        return new Planner(new ProblemMapper(new ProblemValidator(), matrices()));
    }

    static TravelMatrices matrices() {
        LazyRoadMatrixSource road = roadSource();
        return road != null ? TravelMatrices.withRoads(road) : TravelMatrices.withoutRoads(located().reason());
    }

    /** The road source of this environment, or null when no extract is found. */
    static LazyRoadMatrixSource roadSource() {
        ExtractLocator.Located located = located();
        if (!located.found()) {
            return null;
        }
        return new LazyRoadMatrixSource(RoadGraphConfig.car(located.extract(),
                ExtractLocator.cacheFolder(dataDir().resolve("graph-cache"), located.extract())));
    }

    static ExtractLocator.Located located() {
        String configured = setting("techroute.osm.file", "TECHROUTE_OSM_FILE");
        return ExtractLocator.locate(configured == null ? null : Path.of(configured), dataDir().resolve("osm"));
    }

    private static Path dataDir() {
        String configured = setting("techroute.data-dir", "TECHROUTE_DATA_DIR");
        return Path.of(configured == null ? "data-files" : configured);
    }

    private static String setting(String property, String environment) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(environment);
        }
        return value == null || value.isBlank() ? null : value;
    }
}
