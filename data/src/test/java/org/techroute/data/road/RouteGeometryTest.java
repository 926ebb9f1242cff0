package org.techroute.data.road;

import com.graphhopper.util.DistanceCalcEarth;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.techroute.solver.travel.CompactTravelTimeMatrix;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class RouteGeometryTest {

    @TempDir
    static Path tmp;
    static RoadGraph graph;

    @BeforeAll
    static void load() {
        graph = new RoadGraph(RoadGraphConfig.car(SyntheticOsm.write(tmp, "grid.osm"), tmp.resolve("graph")))
                .importOrLoad();
    }

    @AfterAll
    static void close() {
        graph.close();
    }

    static double meters(LatLon a, LatLon b) {
        return DistanceCalcEarth.DIST_EARTH.calcDist(a.lat(), a.lon(), b.lat(), b.lon());
    }

    @Test
    void legsFollowTheRoadsAndMatchTheMatrix() {
        List<LatLon> route = List.of(
                new LatLon(SyntheticOsm.LAT0 + 0.00013, SyntheticOsm.LON0 + 0.0021),
                SyntheticOsm.gridPoint(9, 2),
                new LatLon(SyntheticOsm.LAT0 + 6.5 * SyntheticOsm.LAT_STEP, SyntheticOsm.LON0 + 10 * SyntheticOsm.LON_STEP),
                new LatLon(SyntheticOsm.LAT0 + 3 * SyntheticOsm.LAT_STEP, SyntheticOsm.LON0 + 4.7 * SyntheticOsm.LON_STEP));
        List<LegGeometry> legs = graph.routeGeometry(route);
        RoadMatrixResult matrix = new RoadMatrixService(graph).matrix(route);
        CompactTravelTimeMatrix m = matrix.matrix();
        List<LatLon> snapped = matrix.snaps().snappedPoints();

        assertThat(legs).hasSize(3);
        for (LegGeometry leg : legs) {
            int from = leg.fromIndex();
            int to = leg.toIndex();
            assertThat(leg.reachable()).isTrue();
            List<LatLon> line = PolylineCodec.decode(leg.encodedPolyline());
            assertThat(line.size()).isGreaterThanOrEqualTo(2);
            assertThat(meters(line.get(0), snapped.get(from))).isLessThan(2);
            assertThat(meters(line.get(line.size() - 1), snapped.get(to))).isLessThan(2);
            assertThat(leg.meters()).isCloseTo(m.distanceMeters(from, to), within(1.0));
            assertThat(leg.seconds() * 1000).isEqualTo(m.travelMillis(from, to));
            double[][] geoJson = leg.geoJsonCoordinates();
            assertThat(geoJson[0][0]).isCloseTo(leg.points().get(0).lon(), within(1e-9));
            assertThat(geoJson[0][1]).isCloseTo(leg.points().get(0).lat(), within(1e-9));
            double polylineMeters = 0;
            for (int k = 1; k < line.size(); k++) {
                polylineMeters += meters(line.get(k - 1), line.get(k));
            }
            assertThat(polylineMeters).isCloseTo(leg.meters(), within(5.0));
        }
    }

    @Test
    void unsnappablePointIsReportedByIndex() {
        assertThatThrownBy(() -> graph.routeGeometry(List.of(SyntheticOsm.gridPoint(1, 1), new LatLon(48.5, 9.5))))
                .isInstanceOf(RoadPointsException.class)
                .satisfies(e -> assertThat(((RoadPointsException) e).problems())
                        .extracting(PointProblem::index).containsExactly(1));
    }

    @Test
    void polylineCodecRoundTripsAndMatchesTheReferenceExample() {
        // the example from Google's format documentation
        List<LatLon> pts = List.of(new LatLon(38.5, -120.2), new LatLon(40.7, -120.95), new LatLon(43.252, -126.453));
        assertThat(PolylineCodec.encode(pts)).isEqualTo("_p~iF~ps|U_ulLnnqC_mqNvxq`@");
        assertThat(PolylineCodec.decode("_p~iF~ps|U_ulLnnqC_mqNvxq`@")).isEqualTo(pts);
    }
}
