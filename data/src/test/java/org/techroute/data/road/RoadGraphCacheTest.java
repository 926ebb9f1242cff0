package org.techroute.data.road;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RoadGraphCacheTest {

    @TempDir
    Path tmp;

    private boolean importedOnStart(RoadGraphConfig config) {
        try (RoadGraph graph = new RoadGraph(config).importOrLoad()) {
            assertThat(graph.snapAll(List.of(SyntheticOsm.gridPoint(2, 2))).allSnapped()).isTrue();
            return graph.wasImported();
        }
    }

    @Test
    void importsOnceThenLoadsFromTheCache() {
        RoadGraphConfig config = RoadGraphConfig.car(SyntheticOsm.write(tmp, "grid.osm"), tmp.resolve("graph"));
        assertThat(importedOnStart(config)).isTrue();
        assertThat(Files.exists(tmp.resolve("graph").resolve(GraphCacheStamp.FILE_NAME))).isTrue();
        assertThat(importedOnStart(config)).isFalse();
        assertThat(importedOnStart(config)).isFalse();
    }

    @Test
    void changedProfileTriggersRebuild() {
        RoadGraphConfig config = RoadGraphConfig.car(SyntheticOsm.write(tmp, "grid.osm"), tmp.resolve("graph"));
        assertThat(importedOnStart(config)).isTrue();
        RoadGraphConfig slower = config.withCustomModelJson("""
                { "distance_influence": 0,
                  "priority": [ { "if": "!car_access", "multiply_by": "0" } ],
                  "speed": [ { "if": "true", "limit_to": "car_average_speed" }, { "if": "true", "limit_to": "30" } ] }""");
        assertThat(importedOnStart(slower)).isTrue();
        assertThat(importedOnStart(slower)).isFalse();
        assertThat(importedOnStart(config.withMinNetworkSize(5))).isTrue();
    }

    @Test
    void changedExtractTriggersRebuild() throws Exception {
        Path osm = SyntheticOsm.write(tmp, "grid.osm");
        RoadGraphConfig config = RoadGraphConfig.car(osm, tmp.resolve("graph"));
        assertThat(importedOnStart(config)).isTrue();
        Files.setLastModifiedTime(osm, FileTime.fromMillis(Files.getLastModifiedTime(osm).toMillis() + 60_000));
        assertThat(importedOnStart(config)).isTrue();
        assertThat(importedOnStart(config)).isFalse();
    }

    @Test
    void cacheWithoutStampIsRebuilt() throws Exception {
        RoadGraphConfig config = RoadGraphConfig.car(SyntheticOsm.write(tmp, "grid.osm"), tmp.resolve("graph"));
        assertThat(importedOnStart(config)).isTrue();
        Files.delete(tmp.resolve("graph").resolve(GraphCacheStamp.FILE_NAME));
        assertThat(importedOnStart(config)).isTrue();
    }

    @Test
    void graphHopperProfileMismatchIsHandledByReimport() throws Exception {
        // a cache whose stamp matches but whose GraphHopper properties say another profile: GraphHopper refuses
        // to load it ("Profiles do not match"), and the road graph wipes and re-imports
        RoadGraphConfig config = RoadGraphConfig.car(SyntheticOsm.write(tmp, "grid.osm"), tmp.resolve("graph"));
        RoadGraphConfig other = config.withCustomModelJson(RoadGraphConfig.CAR_CUSTOM_MODEL_JSON
                .replace("\"distance_influence\": 0", "\"distance_influence\": 10"));
        assertThat(importedOnStart(other)).isTrue();
        GraphCacheStamp.of(config).write(config.cacheDir());
        assertThat(importedOnStart(config)).isTrue();
        assertThat(importedOnStart(config)).isFalse();
    }

    @Test
    void missingExtractIsAClearError() {
        RoadGraphConfig config = RoadGraphConfig.car(tmp.resolve("nowhere.osm.pbf"), tmp.resolve("graph"));
        assertThatThrownBy(() -> new RoadGraph(config).importOrLoad())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("OSM extract not found");
    }

    @Test
    void refusesToWipeAFolderThatIsNotAGraphCache() throws Exception {
        Path notACache = Files.createDirectories(tmp.resolve("documents"));
        Files.writeString(notACache.resolve("thesis.txt"), "precious");
        RoadGraphConfig config = RoadGraphConfig.car(SyntheticOsm.write(tmp, "grid.osm"), notACache);
        assertThatThrownBy(() -> new RoadGraph(config).importOrLoad())
                .hasMessageContaining("refusing to delete");
        assertThat(notACache.resolve("thesis.txt")).exists();
    }
}
