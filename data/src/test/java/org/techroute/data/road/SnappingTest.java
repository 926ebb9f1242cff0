package org.techroute.data.road;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SnappingTest {

    @TempDir
    static Path tmp;
    static RoadGraph graph;

    @BeforeAll
    static void load() {
        Path osm = SyntheticOsm.write(tmp, "grid.osm");
        graph = new RoadGraph(RoadGraphConfig.car(osm, tmp.resolve("graph"))).importOrLoad();
    }

    @AfterAll
    static void close() {
        graph.close();
    }

    @Test
    void pointNearAStreetSnapsOntoIt() {
        LatLon junction = SyntheticOsm.gridPoint(4, 4);
        LatLon beside = new LatLon(junction.lat() + 0.0002, junction.lon() + 0.0005); // ~22 m north of the street
        PointSnap s = graph.snapAll(List.of(beside)).points().get(0);
        assertThat(s.ok()).isTrue();
        assertThat(s.index()).isZero();
        assertThat(s.snapMeters()).isBetween(15.0, 30.0);
        assertThat(s.snapped().lat()).isCloseTo(junction.lat(), within(1e-5));
        assertThat(s.snapped().lon()).isCloseTo(beside.lon(), within(1e-5));
    }

    @Test
    void pointTwoKilometresFromAnyRoadIsTooFar() {
        LatLon east = SyntheticOsm.gridPoint(5, 11);
        LatLon far = new LatLon(east.lat() + 0.002, east.lon() + 0.027); // ~2 km east, inside the graph bounds
        SnapResult r = graph.snapAll(List.of(SyntheticOsm.gridPoint(1, 1), far));
        assertThat(r.allSnapped()).isFalse();
        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.index()).isEqualTo(1);
            assertThat(p.reason()).isEqualTo(RoadProblem.TOO_FAR);
            assertThat(p.message()).contains("location 1").contains("500 m");
        });
        assertThat(r.points().get(0).ok()).isTrue();
    }

    @Test
    void pointFarOutsideIsOutsideTheMap() {
        SnapResult r = graph.snapAll(List.of(new LatLon(48.5, 9.5)));
        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.reason()).isEqualTo(RoadProblem.OUTSIDE_MAP);
            assertThat(p.message()).contains("outside the road map");
        });
    }

    /**
     * GraphHopper's subnetwork removal marks the island (it is not deleted), so the main-network snap filter skips
     * it; the snapper then finds the island with an access-only filter within the allowed distance and reports
     * DISCONNECTED (deterministically, not TOO_FAR).
     */
    @Test
    void pointNearTheCutOffPieceIsDisconnected() {
        LatLon nearIsland = new LatLon(SyntheticOsm.ISLAND_LAT + 0.0005, SyntheticOsm.ISLAND_LON + 0.001);
        SnapResult r = graph.snapAll(List.of(nearIsland));
        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.index()).isZero();
            assertThat(p.reason()).isEqualTo(RoadProblem.DISCONNECTED);
            assertThat(p.message()).contains("cut off from the main road network");
        });
    }

    @Test
    void matrixServiceReportsSnapProblemsAsData() {
        RoadMatrixResult r = new RoadMatrixService(graph).matrix(List.of(SyntheticOsm.gridPoint(1, 1),
                new LatLon(48.5, 9.5), SyntheticOsm.gridPoint(2, 2)));
        assertThat(r.ok()).isFalse();
        assertThat(r.matrix()).isNull();
        assertThat(r.problems()).extracting(PointProblem::index, PointProblem::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, RoadProblem.OUTSIDE_MAP));
    }

    @Test
    void snappingRespectsTheConfiguredMaximum() {
        LatLon junction = SyntheticOsm.gridPoint(4, 4);
        LatLon beside = new LatLon(junction.lat() + 0.0004, junction.lon() + 0.00075); // ~44 m from the nearest street
        try (RoadGraph strict = new RoadGraph(graph.config().withMaxSnapMeters(30)).importOrLoad()) {
            assertThat(strict.wasImported()).isFalse(); // the snap distance does not change the graph
            assertThat(strict.snapAll(List.of(beside)).problems()).extracting(PointProblem::reason)
                    .containsExactly(RoadProblem.TOO_FAR);
        }
    }
}
