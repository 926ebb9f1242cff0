package org.techroute.data.road;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.techroute.solver.travel.CompactTravelTimeMatrix;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The matrix on a real extract (shared liechtenstein.osm.pbf) against GraphHopper's point-to-point routes. */
@RequiresOsm("liechtenstein.osm.pbf")
class LiechtensteinMatrixTest {

    @TempDir
    static Path tmp;
    static RoadGraph graph;

    @BeforeAll
    static void load() {
        Path osm = SharedOsm.require("liechtenstein.osm.pbf");
        graph = new RoadGraph(RoadGraphConfig.car(osm, tmp.resolve("graph"))).importOrLoad();
    }

    @AfterAll
    static void close() {
        if (graph != null) {
            graph.close();
        }
    }

    @ParameterizedTest
    @EnumSource(ManyToManyMatrix.Strategy.class)
    void matrixEqualsPointToPointRoutesOnASample(ManyToManyMatrix.Strategy strategy) {
        List<LatLon> points = new RoadPointSampler(graph, 42).points(100);
        SnapResult snaps = graph.snapAll(points);
        CompactTravelTimeMatrix m = new ManyToManyMatrix(graph, 2, strategy).compute(snaps);
        List<LatLon> snapped = snaps.snappedPoints();
        Random random = new Random(1);
        for (int k = 0; k < 1000; k++) {
            int i = random.nextInt(points.size());
            int j = random.nextInt(points.size());
            RouteComparison.Route r = RouteComparison.route(graph, snapped.get(i), snapped.get(j));
            String pair = "pair " + i + "->" + j;
            assertThat(m.travelMillis(i, j)).as(pair).isCloseTo(r.millis(), within(1000L));
            assertThat(m.distanceMeters(i, j)).as(pair).isCloseTo(r.meters(), within(1.0));
        }
    }

    /** Points on the same road edge take a special path in the matrix code: check those pairs specifically. */
    @ParameterizedTest
    @EnumSource(ManyToManyMatrix.Strategy.class)
    void pairsOnTheSameRoadEdgeEqualPointToPointRoutes(ManyToManyMatrix.Strategy strategy) {
        List<LatLon> points = new RoadPointSampler(graph, 44).points(1500);
        SnapResult snaps = graph.snapAll(points);
        CompactTravelTimeMatrix m = new ManyToManyMatrix(graph, 2, strategy).compute(snaps);
        List<LatLon> snapped = snaps.snappedPoints();
        int checked = 0;
        for (int i = 0; i < points.size() && checked < 300; i++) {
            for (int j = 0; j < points.size() && checked < 300; j++) {
                var a = snaps.graphSnaps().get(i);
                var b = snaps.graphSnaps().get(j);
                if (i == j || a.getSnappedPosition() == com.graphhopper.storage.index.Snap.Position.TOWER
                        || b.getSnappedPosition() == com.graphhopper.storage.index.Snap.Position.TOWER
                        || a.getClosestEdge().getEdge() != b.getClosestEdge().getEdge()) {
                    continue;
                }
                RouteComparison.Route r = RouteComparison.route(graph, snapped.get(i), snapped.get(j));
                String pair = "same-edge pair " + i + "->" + j;
                assertThat(m.travelMillis(i, j)).as(pair).isCloseTo(r.millis(), within(1000L));
                assertThat(m.distanceMeters(i, j)).as(pair).isCloseTo(r.meters(), within(1.0));
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(50);
    }

    @Test
    void serviceResultHasNoProblemsOnRoadPoints() {
        List<LatLon> points = new RoadPointSampler(graph, 43).points(50);
        RoadMatrixResult result = new RoadMatrixService(graph).matrix(points);
        assertThat(result.ok()).isTrue();
        assertThat(result.matrix().size()).isEqualTo(50);
    }

    @Test
    void samplerIsDeterministicAndReturnsRoadPoints() {
        List<LatLon> a = new RoadPointSampler(graph, 5).points(20);
        List<LatLon> b = new RoadPointSampler(graph, 5).points(20);
        assertThat(a).hasSize(20).isEqualTo(b);
        assertThat(graph.snapAll(a).points()).allSatisfy(s -> assertThat(s.snapMeters()).isLessThan(0.5));
        RoadPointSampler.Sample sample = new RoadPointSampler(graph, 5).sample(3, 17);
        assertThat(sample.homeBases()).isEqualTo(a.subList(0, 3));
        assertThat(sample.visits()).isEqualTo(a.subList(3, 20));
    }
}
