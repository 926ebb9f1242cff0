package org.techroute.api.support;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The shared real OSM extracts beside the repository ({@code -Dtechroute.osm.dir}, {@code TECHROUTE_OSM_DIR},
 * or {@code ../shared/data/osm} from the repository root). Missing: a failure when {@code CI=true}, a skip
 * with the reason otherwise.
 */
public final class SharedOsm {

    private SharedOsm() {
    }

    public static Path require(String fileName) {
        String dir = System.getProperty("techroute.osm.dir");
        if (dir == null || dir.isBlank()) {
            dir = System.getenv("TECHROUTE_OSM_DIR");
        }
        if (dir == null || dir.isBlank()) {
            // where .ci/run (and the README's fetch step) put extracts, else the shared folder beside the repo
            dir = Files.isRegularFile(Path.of("../data-files/osm").resolve(fileName)) ? "../data-files/osm"
                    : "../../shared/data/osm";
        }
        Path file = Path.of(dir).resolve(fileName).toAbsolutePath().normalize();
        if (!Files.isRegularFile(file)) {
            String message = "shared OSM extract " + file + " not found; set -Dtechroute.osm.dir or TECHROUTE_OSM_DIR";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail(message + " (CI=true: real-extract tests must run)");
            }
            Assumptions.assumeTrue(false, message + " - skipping outside CI");
        }
        return file;
    }
}
