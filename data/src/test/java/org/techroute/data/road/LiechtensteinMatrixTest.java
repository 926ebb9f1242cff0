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
