package org.techroute.data.travel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import org.techroute.data.model.Location;
import org.techroute.data.model.Options;
import org.techroute.data.model.TravelMode;
import org.techroute.solver.travel.TravelTimeMatrix;

/** The pair-by-pair straight-line matrix (for queries) gives exactly the times and distances of the full one. */
class OnDemandMatrixTest {

    @Test
    void everyPairEqualsTheFullMatrix() {
        SplittableRandom random = new SplittableRandom(5);
        List<Location> geo = new ArrayList<>();
        List<Location> xy = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            geo.add(Location.ofLatLon(47.0 + random.nextDouble() * 0.3, 9.4 + random.nextDouble() * 0.2));
            xy.add(Location.ofXy(random.nextInt(100), random.nextDouble() * 100));
        }
        Options options = Options.defaults();
        TravelMatrices full = TravelMatrices.withoutRoads();
        TravelMatrices onDemand = full.withStraightLinesOnDemand();
        compare(full.build(TravelMode.HAVERSINE, geo, options).matrix(),
                onDemand.build(TravelMode.HAVERSINE, geo, options).matrix());
        compare(full.build(TravelMode.EUCLIDEAN, xy, options).matrix(),
                onDemand.build(TravelMode.EUCLIDEAN, xy, options).matrix());
    }

    private static void compare(TravelTimeMatrix expected, TravelTimeMatrix actual) {
        assertThat(actual.size()).isEqualTo(expected.size());
        for (int a = 0; a < expected.size(); a++) {
            for (int b = 0; b < expected.size(); b++) {
                assertThat(actual.travelMillis(a, b)).as(a + " to " + b).isEqualTo(expected.travelMillis(a, b));
                assertThat(actual.distanceMeters(a, b)).isEqualTo(expected.distanceMeters(a, b));
            }
        }
    }
}
