package org.techroute.data.road;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.techroute.solver.travel.CompactTravelTimeMatrix;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SyntheticMatrixTest {

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

    /** Random points inside the grid (mostly mid-edge), plus two on the same street segment and a duplicate. */
    static List<LatLon> points() {
        Random random = new Random(7);
        List<LatLon> points = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            points.add(new LatLon(SyntheticOsm.LAT0 + random.nextDouble() * 11 * SyntheticOsm.LAT_STEP,
                    SyntheticOsm.LON0 + random.nextDouble() * 11 * SyntheticOsm.LON_STEP));
        }
        LatLon a = SyntheticOsm.gridPoint(3, 4);
        points.add(new LatLon(a.lat(), a.lon() + 0.2 * SyntheticOsm.LON_STEP)); // on the one-way street
        points.add(new LatLon(a.lat(), a.lon() + 0.7 * SyntheticOsm.LON_STEP)); // same edge, further along
        points.add(SyntheticOsm.gridPoint(5, 5)); // a junction
        points.add(points.get(0)); // duplicate location
        return points;
    }

    @ParameterizedTest
    @EnumSource(ManyToManyMatrix.Strategy.class)
    void matrixEqualsPointToPointRoutes(ManyToManyMatrix.Strategy strategy) {
        SnapResult snaps = graph.snapAll(points());
        CompactTravelTimeMatrix m = new ManyToManyMatrix(graph, 2, strategy).compute(snaps);
        List<LatLon> snapped = snaps.snappedPoints();
        for (int i = 0; i < snapped.size(); i++) {
            for (int j = 0; j < snapped.size(); j++) {
                RouteComparison.Route r = RouteComparison.route(graph, snapped.get(i), snapped.get(j));
                String pair = "pair " + i + "->" + j;
                assertThat(m.travelMillis(i, j)).as(pair).isCloseTo(r.millis(), within(1000L));
                assertThat(m.distanceMeters(i, j)).as(pair).isCloseTo(r.meters(), within(1.0));
            }
        }
    }

    @Test
    void oneWayStreetMakesTheMatrixAsymmetric() {
        RoadMatrixService service = new RoadMatrixService(graph, 1, 0, 0);
        List<LatLon> points = points();
        CompactTravelTimeMatrix m = service.matrix(points).matrix();
        int a = points.size() - 4;
        int b = points.size() - 3;
        // driving along the one-way street is direct, back needs a detour around the block
        assertThat(m.distanceMeters(a, b)).isLessThan(100);
        assertThat(m.distanceMeters(b, a)).isGreaterThan(200);
    }

    @Test
    void diagonalAndDuplicatesAreZero() {
        RoadMatrixService service = new RoadMatrixService(graph, 2, 4, 1_000_000);
        List<LatLon> points = points();
        CompactTravelTimeMatrix m = service.matrix(points).matrix();
        for (int i = 0; i < points.size(); i++) {
            assertThat(m.travelMillis(i, i)).isZero();
            assertThat(m.distanceMeters(i, i)).isZero();
        }
        assertThat(m.travelMillis(0, points.size() - 1)).isZero();
    }
}
