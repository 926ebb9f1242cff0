package org.techroute.data.road;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.techroute.solver.travel.CompactTravelTimeMatrix;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MatrixCacheTest {

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

    @Test
    void sameLocationsHitTheCache() {
        RoadMatrixService service = new RoadMatrixService(graph, 2, 2, 1_000_000);
        List<LatLon> points = List.of(SyntheticOsm.gridPoint(1, 1), SyntheticOsm.gridPoint(7, 3),
                SyntheticOsm.gridPoint(10, 9));
        CompactTravelTimeMatrix first = service.matrix(points).matrix();
        CompactTravelTimeMatrix second = service.matrix(List.copyOf(points)).matrix();
        assertThat(second).isSameAs(first);
        assertThat(service.computations()).isEqualTo(1);

        CompactTravelTimeMatrix reordered = service.matrix(List.of(points.get(2), points.get(1), points.get(0))).matrix();
        assertThat(reordered).isNotSameAs(first);
        assertThat(service.computations()).isEqualTo(2);
    }

    @Test
    void leastRecentlyUsedMatrixIsEvicted() {
        RoadMatrixService service = new RoadMatrixService(graph, 1, 2, 1_000_000);
        List<LatLon> a = List.of(SyntheticOsm.gridPoint(1, 1), SyntheticOsm.gridPoint(2, 2));
        List<LatLon> b = List.of(SyntheticOsm.gridPoint(3, 3), SyntheticOsm.gridPoint(4, 4));
        List<LatLon> c = List.of(SyntheticOsm.gridPoint(5, 5), SyntheticOsm.gridPoint(6, 6));
        service.matrix(a);
        service.matrix(b);
        service.matrix(a);
        service.matrix(c); // evicts b
        assertThat(service.computations()).isEqualTo(3);
        service.matrix(a);
        assertThat(service.computations()).isEqualTo(3);
        service.matrix(b);
        assertThat(service.computations()).isEqualTo(4);
    }
}
