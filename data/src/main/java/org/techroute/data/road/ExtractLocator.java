package org.techroute.data.road;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the OpenStreetMap extract to use: the one configured, or else the only extract in the data folder's
 * {@code osm/} (where {@code scripts/fetch-osm.sh} puts it). Several extracts and none configured is an
 * ambiguity reported as such, never resolved by guessing.
 */
public final class ExtractLocator {

    /** The extract to use, or why there is none. */
    public record Located(Path extract, String reason) {

        public boolean found() {
            return extract != null;
        }
    }

    private ExtractLocator() {
    }

    public static Located locate(Path configured, Path osmFolder) {
        if (configured != null) {
            if (!Files.isRegularFile(configured)) {
                return new Located(null, "the configured OpenStreetMap extract " + configured + " does not exist");
            }
            return new Located(configured, "configured");
        }
        List<Path> extracts = new ArrayList<>();
        if (Files.isDirectory(osmFolder)) {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(osmFolder,
                    "*.{osm.pbf,pbf,osm,osm.gz}")) {
                files.forEach(extracts::add);
            } catch (IOException e) {
                return new Located(null, "cannot list " + osmFolder + ": " + e.getMessage());
            }
        }
        extracts.sort(null);
        if (extracts.size() == 1) {
            return new Located(extracts.get(0), "the only extract in " + osmFolder);
        }
        if (extracts.isEmpty()) {
            return new Located(null, "no OpenStreetMap extract in " + osmFolder
                    + " (fetch one with scripts/fetch-osm.sh, or configure its path)");
        }
        return new Located(null, "several extracts in " + osmFolder + " " + extracts.stream()
                .map(p -> p.getFileName().toString()).toList() + ": configure which one to use");
    }

    /** A cache folder per extract, so that switching extracts does not rebuild the other's graph. */
    public static Path cacheFolder(Path cacheRoot, Path extract) {
        String name = extract.getFileName().toString().replaceAll("\\.(osm\\.pbf|pbf|osm\\.gz|osm)$", "");
        return cacheRoot.resolve(name);
    }
}
