package org.techroute.benchmarks.vrptw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

class VrptwCheckerTest {

    /**
     * Depot (0,0) open [0, 300]; capacity 10, 2 vehicles. Customer 1 at (3,4) window [0,20] service 10; customer 2
     * at (6,8) window [30,40] service 5; customer 3 at (0,-10) window [0,200] service 0, demand 6.
     */
    static final SolomonReader.Instance INSTANCE = SolomonReader.parse("""
            HAND
            VEHICLE
            NUMBER CAPACITY
            2 10
            CUSTOMER
            CUST NO. XCOORD. YCOORD. DEMAND READY TIME DUE DATE SERVICE TIME
            0 0 0 0 0 300 0
            1 3 4 3 0 20 10
            2 6 8 4 30 40 5
            3 0 -10 6 0 200 0
            """);

    @Test
    void acceptsAFeasibleSolutionAndRecomputesItsDistance() {
        // Route 1: depot -5-> 1 (start 5, leave 15) -5-> 2 (arrive 20, wait to 30, leave 35) -10-> depot (45).
        // Route 2: depot -10-> 3 -10-> depot.
        VrptwChecker.Result result = VrptwChecker.check(INSTANCE, List.of(List.of(1, 2), List.of(3)));
        assertThat(result.violations()).isEmpty();
        assertThat(result.feasible()).isTrue();
        assertThat(result.routes()).isEqualTo(2);
        assertThat(result.distance()).isCloseTo(40.0, within(1e-9));
    }

    @Test
    void ignoresEmptyRoutesInTheCount() {
        VrptwChecker.Result result = VrptwChecker.check(INSTANCE, List.of(List.of(1, 2), List.of(), List.of(3)));
        assertThat(result.feasible()).isTrue();
        assertThat(result.routes()).isEqualTo(2);
    }

    @Test
    void reportsALateServiceStart() {
        // 2 first: start 30, leave 35, then 1 at 35+5=40 > due 20.
        VrptwChecker.Result result = VrptwChecker.check(INSTANCE, List.of(List.of(2, 1), List.of(3)));
        assertThat(result.feasible()).isFalse();
        assertThat(result.violations()).singleElement().asString().contains("customer 1").contains("due date 20");
    }

    @Test
    void reportsCapacityExcess() {
        // 3 + 4 + 6 = 13 > 10; times: 1 at 5, 2 at 30, 3 at 35 + hypot(6,18) ~ 54 <= 200, back by 64.
        VrptwChecker.Result result = VrptwChecker.check(INSTANCE, List.of(List.of(1, 2, 3)));
        assertThat(result.violations()).singleElement().asString().contains("load 13 exceeds the capacity 10");
    }

    @Test
    void reportsMissingAndDuplicateCustomers() {
        VrptwChecker.Result missing = VrptwChecker.check(INSTANCE, List.of(List.of(1, 2)));
        assertThat(missing.violations()).containsExactly("customer 3 is not served");
        VrptwChecker.Result twice = VrptwChecker.check(INSTANCE, List.of(List.of(1, 2), List.of(3, 1)));
        assertThat(twice.violations()).anyMatch(v -> v.equals("customer 1 is served 2 times"));
        VrptwChecker.Result unknown = VrptwChecker.check(INSTANCE, List.of(List.of(1, 2), List.of(3, 9)));
        assertThat(unknown.violations()).anyMatch(v -> v.contains("unknown customer 9"));
    }

    @Test
    void reportsALateReturnToTheDepot() {
        SolomonReader.Instance shortDay = SolomonReader.parse("""
                SHORT
                VEHICLE
                NUMBER CAPACITY
                1 10
                CUSTOMER
                CUST NO. XCOORD. YCOORD. DEMAND READY TIME DUE DATE SERVICE TIME
                0 0 0 0 0 20 0
                1 3 4 1 0 20 11
                """);
        // Start 5, leave 16, back at 21 > 20.
        VrptwChecker.Result result = VrptwChecker.check(shortDay, List.of(List.of(1)));
        assertThat(result.violations()).singleElement().asString().contains("returns to the depot at 21.000");
    }

    @Test
    void reportsMoreRoutesThanVehicles() {
        VrptwChecker.Result result = VrptwChecker.check(INSTANCE, List.of(List.of(1), List.of(2), List.of(3)));
        assertThat(result.violations()).containsExactly("3 routes but only 2 vehicles");
    }
}
