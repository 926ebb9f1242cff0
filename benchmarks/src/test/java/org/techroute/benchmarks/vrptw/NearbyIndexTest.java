package org.techroute.benchmarks.vrptw;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.techroute.data.mapping.ProblemMapper;
import org.techroute.data.solve.Planner;
import org.techroute.data.travel.TravelMatrices;
import org.techroute.data.validation.ProblemValidator;
import org.techroute.solver.domain.RoutePlan;
import org.techroute.solver.move.NearbyIndex;

class NearbyIndexTest {

    /** Customers on the x axis at 1, 2, 4, 8, 16. */
    static final String LINE = """
            LINE
            VEHICLE
            NUMBER CAPACITY
            2 100
            CUSTOMER
            CUST NO. XCOORD. YCOORD. DEMAND READY TIME DUE DATE SERVICE TIME
            0 0 0 0 0 1000 0
            1 1 0 1 0 1000 0
            2 2 0 1 0 1000 0
            3 4 0 1 0 1000 0
            4 8 0 1 0 1000 0
            5 16 0 1 0 1000 0
            """;

    @Test
    void listsTheNearestOtherVisitsNearestFirst() {
        RoutePlan plan = new Planner(new ProblemMapper(new ProblemValidator(), TravelMatrices.withoutRoads()))
                .prepare(SolomonReader.toProblem(SolomonReader.parse(LINE), Duration.ofSeconds(1), 0)).plan();
        NearbyIndex index = NearbyIndex.build(plan, 3);
        assertThat(index.size()).isEqualTo(5);
        assertThat(ids(index, 0)).containsExactly("2", "3", "4"); // from x=1: 2 (1), 4 (3), 8 (7)
        assertThat(ids(index, 2)).containsExactly("2", "1", "4"); // from x=4: x=2 (2), x=1 (3), x=8 (4)
        assertThat(ids(index, 4)).containsExactly("4", "3", "2"); // from x=16: 8, 4, 2
        assertThat(NearbyIndex.build(plan, 10).nearest(0)).hasSize(4); // never more than the other visits
        assertThat(index.isFor(plan)).isTrue();
    }

    private static String[] ids(NearbyIndex index, int visit) {
        return Arrays.stream(index.nearest(visit)).mapToObj(i -> index.visit(i).getId()).toArray(String[]::new);
    }
}
