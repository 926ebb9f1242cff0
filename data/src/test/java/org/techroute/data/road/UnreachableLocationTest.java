package org.techroute.data.road;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.techroute.solver.travel.CompactTravelTimeMatrix;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With subnetwork removal switched off ({@code minNetworkSize 0}) the island is snappable, so the snapper cannot
 * catch it; the matrix service then reports it as DISCONNECTED because its row and column are unreachable.
 */
class UnreachableLocationTest {

    @TempDir
    Path tmp;

    @Test
    void locationWithAnAllUnreachableRowIsDisconnected() {
        RoadGraphConfig config = RoadGraphConfig.car(SyntheticOsm.write(tmp, "grid.osm"), tmp.resolve("graph"))
                .withMinNetworkSize(0);
        try (RoadGraph graph = new RoadGraph(config).importOrLoad()) {
            LatLon island = new LatLon(SyntheticOsm.ISLAND_LAT + 0.0002, SyntheticOsm.ISLAND_LON + 0.001);
            RoadMatrixResult r = new RoadMatrixService(graph).matrix(List.of(SyntheticOsm.gridPoint(1, 1), island,
                    SyntheticOsm.gridPoint(8, 8)));
            assertThat(r.snaps().allSnapped()).isTrue();
            assertThat(r.ok()).isFalse();
            assertThat(r.problems()).singleElement().satisfies(p -> {
                assertThat(p.index()).isEqualTo(1);
                assertThat(p.reason()).isEqualTo(RoadProblem.DISCONNECTED);
                assertThat(p.message()).contains("no other location can be reached from or to it");
            });
            CompactTravelTimeMatrix m = r.matrix();
            assertThat(m.isReachable(0, 1)).isFalse();
            assertThat(m.travelMillis(0, 1)).isEqualTo(CompactTravelTimeMatrix.UNREACHABLE_MILLIS);
            assertThat(m.distanceMeters(1, 2)).isInfinite();
            assertThat(m.isReachable(0, 2)).isTrue();
        }
    }

    @Test
    void emptyAndSingleLocationLists() {
        RoadGraphConfig config = RoadGraphConfig.car(SyntheticOsm.write(tmp, "grid.osm"), tmp.resolve("graph"));
        try (RoadGraph graph = new RoadGraph(config).importOrLoad()) {
            RoadMatrixService service = new RoadMatrixService(graph);
            assertThat(service.matrix(List.of()).matrix().size()).isZero();
            RoadMatrixResult one = service.matrix(List.of(SyntheticOsm.gridPoint(2, 3)));
            assertThat(one.ok()).isTrue();
            assertThat(one.matrix().travelMillis(0, 0)).isZero();
            assertThat(graph.routeGeometry(List.of(SyntheticOsm.gridPoint(2, 3)))).isEmpty();
        }
    }
}
