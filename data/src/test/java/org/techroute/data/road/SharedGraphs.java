package org.techroute.data.road;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One imported Liechtenstein road graph for all the test classes of a test JVM that need it as a fixture
 * (import is several seconds); tests of import and caching themselves use their own folders.
 */
final class SharedGraphs {

    private static RoadGraph liechtenstein;

    private SharedGraphs() {
    }

    static synchronized RoadGraph liechtenstein() {
        if (liechtenstein == null) {
            Path extract = SharedOsm.require("liechtenstein.osm.pbf");
            try {
                Path cache = Files.createTempDirectory("techroute-graph");
                liechtenstein = new RoadGraph(RoadGraphConfig.car(extract, cache.resolve("liechtenstein")))
                        .importOrLoad();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return liechtenstein;
    }
}
