package org.techroute.data.travel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.techroute.data.model.Location;
import org.techroute.solver.travel.TravelTimeMatrix;

class StraightLineMatricesTest {

    @Test
    void haversineMatchesAKnownDistanceAndSpeed() {
        // One degree of latitude along a meridian is ~111.195 km on the mean-radius sphere.
        Location a = Location.ofLatLon(47.0, 9.5);
        Location b = Location.ofLatLon(48.0, 9.5);
        TravelTimeMatrix matrix = StraightLineMatrices.haversine(List.of(a, b), 60.0);
        assertThat(matrix.distanceMeters(0, 1)).isCloseTo(111_195, within(5.0));
        // 111.195 km at 60 km/h = 6671.7 s, rounded up to whole seconds
        assertThat(matrix.travelMillis(0, 1)).isEqualTo(6_672_000L);
        assertThat(matrix.travelMillis(1, 0)).isEqualTo(matrix.travelMillis(0, 1));
        assertThat(matrix.travelMillis(0, 0)).isZero();
    }

    @Test
    void euclideanKeepsFractionsAndRoundsTimeUpToTheMillisecond() {
        TravelTimeMatrix matrix = StraightLineMatrices.euclidean(List.of(Location.ofXy(0, 0), Location.ofXy(1, 1),
                Location.ofXy(3, 4)));
        assertThat(matrix.distanceMeters(0, 1)).isEqualTo(Math.sqrt(2));
        assertThat(matrix.travelMillis(0, 1)).isEqualTo(1415L); // 1414.21... ms rounded up
        assertThat(matrix.travelMillis(0, 2)).isEqualTo(5000L); // exactly 5 units
        assertThat(matrix.size()).isEqualTo(3);
    }

    @Test
    void roadModeWithoutARoadGraphIsAClearError() {
        TravelMatrices matrices = TravelMatrices.withoutRoads();
        assertThat(matrices.supports(org.techroute.data.model.TravelMode.ROAD)).isFalse();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> matrices.build(
                org.techroute.data.model.TravelMode.ROAD, List.of(Location.ofLatLon(47, 9)),
                org.techroute.data.model.Options.defaults()))
                .isInstanceOf(UnsupportedTravelModeException.class)
                .hasMessageContaining("needs a road graph").hasMessageContaining("haversine");
    }
}
