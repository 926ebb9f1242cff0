package org.techroute.data.road;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates the shared real OSM extracts beside the repository (never copied into it). The folder comes from
 * system property {@code techroute.osm.dir}, else env {@code TECHROUTE_OSM_DIR}, else
 * {@code ../../shared/data/osm} relative to the module folder (surefire's working directory), i.e.
 * {@code ../shared/data/osm} relative to the repository root. A missing file fails the test when env
 * {@code CI=true} and skips it (with the reason) otherwise. The api module's tests use it too (data's test-jar).
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
