package org.techroute.data.road;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Locates the real OSM extracts the road tests use, where they are (they are never copied into the repository).
 * The folder comes from system property {@code techroute.osm.dir}, else env {@code TECHROUTE_OSM_DIR}; without
 * either, the shared folder {@code ../shared/data/osm} beside the repository, then the repository's git-ignored
 * {@code data-files/osm} (where {@code scripts/fetch-osm.sh} saves e.g. {@code liechtenstein.osm.pbf}). Paths are
 * relative to the module folder, surefire's working directory. Test classes declare what they need with
 * {@link RequiresOsm}: a missing file then skips the class, counted and with the reason, or fails it when env
 * {@code CI=true}. The api module's tests use both (data's test-jar).
 */
public final class SharedOsm {

    private SharedOsm() {
    }

    /** The extract, or null with why in {@link #missing(String)}. */
    public static Path locate(String fileName) {
        for (Path dir : folders()) {
            Path file = dir.resolve(fileName).toAbsolutePath().normalize();
            if (Files.isRegularFile(file)) {
                return file;
            }
        }
        return null;
    }

    /** Why {@code fileName} is not found, naming every folder looked in and how to provide it. */
    public static String missing(String fileName) {
        return "OpenStreetMap extract " + fileName + " not found in " + folders().stream()
                .map(p -> p.toAbsolutePath().normalize().toString()).toList()
                + "; set -Dtechroute.osm.dir=FOLDER (or TECHROUTE_OSM_DIR), or put it in data-files/osm/";
    }

    public static boolean ci() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /** The extract; a missing one fails the calling test with {@code CI=true} and skips it (with the reason) else. */
    public static Path require(String fileName) {
        Path file = locate(fileName);
        if (file == null) {
            String message = missing(fileName);
            if (ci()) {
                Assertions.fail(message + " (CI=true: real-extract tests must run)");
            }
            Assumptions.assumeTrue(false, message);
        }
        return file;
    }

    private static List<Path> folders() {
        List<Path> folders = new ArrayList<>();
        String dir = System.getProperty("techroute.osm.dir");
        if (dir == null || dir.isBlank()) {
            dir = System.getenv("TECHROUTE_OSM_DIR");
        }
        if (dir != null && !dir.isBlank()) {
            folders.add(Path.of(dir));
        } else {
            folders.add(Path.of("../../shared/data/osm"));
            folders.add(Path.of("../data-files/osm"));
        }
        return folders;
    }
}
