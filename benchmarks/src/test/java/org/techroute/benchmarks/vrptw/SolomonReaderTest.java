package org.techroute.benchmarks.vrptw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.techroute.data.mapping.MappedProblem;
import org.techroute.data.mapping.ProblemMapper;
import org.techroute.data.model.Problem;
import org.techroute.data.model.Route;
import org.techroute.data.solve.Planner;
import org.techroute.data.travel.TravelMatrices;
import org.techroute.data.validation.ProblemValidator;
import org.techroute.solver.domain.Shift;
import org.techroute.solver.domain.Visit;

class SolomonReaderTest {

    /** Depot at (0,0), horizon 1000; customers on a line; two vans of capacity 10. */
    static final String TINY = String.join("\r\n",
            "TINY1",
            "",
            "VEHICLE",
            "NUMBER     CAPACITY",
            "  2         10",
            "",
            "CUSTOMER",
            "CUST NO.  XCOORD.   YCOORD.    DEMAND   READY TIME  DUE DATE   SERVICE   TIME",
            "",
            "    0      0          0          0          0       1000          0",
            "    1      30         40         5          0        200         10",
            "    2      60         80         5         50        300         10",
            "    3     -30        -40         4          0        500         20",
            "    4       0        -50         6        100        400          5",
            "");

    @Test
    void parsesTokensWithCrlfAndBlankLines() {
        SolomonReader.Instance instance = SolomonReader.parse(TINY);
        assertThat(instance.name()).isEqualTo("TINY1");
        assertThat(instance.vehicles()).isEqualTo(2);
        assertThat(instance.capacity()).isEqualTo(10);
        assertThat(instance.nodes()).hasSize(5);
        assertThat(instance.depot().due()).isEqualTo(1000);
        assertThat(instance.customers().get(1)).isEqualTo(new SolomonReader.Node(2, 60, 80, 5, 50, 300, 10));
        // The same with LF only gives the same instance.
        assertThat(SolomonReader.parse(TINY.replace("\r\n", "\n"))).isEqualTo(instance);
    }

    @Test
    void reportsMalformedFilesWithLineNumbers() {
        assertThatThrownBy(() -> SolomonReader.parse(TINY.replace("    2      60         80", "    2      60  x  80")))
                .isInstanceOf(SolomonReader.FormatException.class)
                .hasMessageContaining("line 12");
        assertThatThrownBy(() -> SolomonReader.parse(TINY.replace("    3     -30", "    7     -30")))
                .hasMessageContaining("line 13").hasMessageContaining("expected node id 3");
        assertThatThrownBy(() -> SolomonReader.parse(TINY.replace("      20\r\n", "\r\n")))
                .hasMessageContaining("line 13").hasMessageContaining("7 numbers");
        assertThatThrownBy(() -> SolomonReader.parse(TINY.replace("VEHICLE", "VEHICLES")))
                .hasMessageContaining("line 3").hasMessageContaining("expected 'VEHICLE'");
        assertThatThrownBy(() -> SolomonReader.parse("ONLYNAME\n"))
                .hasMessageContaining("unexpected end of file");
        assertThatThrownBy(() -> SolomonReader.parse(TINY.replace("       1000", "         -1")))
                .hasMessageContaining("line 10").hasMessageContaining("due");
    }

    @Test
    void mapsVehiclesToShiftsAndCustomersToVisits() {
        Problem problem = SolomonReader.toProblem(SolomonReader.parse(TINY), Duration.ofSeconds(1), 0);
        assertThat(problem.technicians()).hasSize(2);
        assertThat(problem.shifts()).allSatisfy(shift -> {
            assertThat(shift.start()).isEqualTo(SolomonReader.EPOCH);
            assertThat(shift.end()).isEqualTo(SolomonReader.EPOCH.plusSeconds(1000));
            assertThat(shift.capacity()).containsExactly(10);
            assertThat(shift.maxOvertimeSeconds()).isZero();
        });
        assertThat(problem.visits()).extracting(v -> v.id()).containsExactly("1", "2", "3", "4");
        var second = problem.visits().get(1);
        assertThat(second.timeWindows()).singleElement().satisfies(w -> {
            assertThat(w.start()).isEqualTo(SolomonReader.EPOCH.plusSeconds(50));
            assertThat(w.end()).isEqualTo(SolomonReader.EPOCH.plusSeconds(300));
        });
        assertThat(second.serviceDurationSeconds()).isEqualTo(10);
        assertThat(second.demand()).containsExactly(5);
        assertThat(problem.options().constraintWeights()).containsEntry("workloadBalance", 0L)
                .containsEntry("travelTime", 1L);

        MappedProblem mapped = planner().prepare(problem);
        Shift shift = mapped.plan().getShifts().get(0);
        Visit visit = mapped.plan().getVisits().get(0);
        // 50 m at 1 m/s.
        assertThat(mapped.matrix().travelMillis(shift.getStartLocation(), visit.getLocation())).isEqualTo(50_000);
        assertThat(shift.getEndMillis() - shift.getStartMillis()).isEqualTo(1_000_000);
    }

    @Test
    void solvesTheTinyInstanceFeasiblyWithEveryVisitAssigned() {
        Problem problem = SolomonReader.toProblem(SolomonReader.parse(TINY), Duration.ofSeconds(1), 0);
        Problem plan = planner().solve(problem, progress -> {
        });
        assertThat(plan.solution().feasible()).isTrue();
        assertThat(plan.solution().unassignedVisits()).isEmpty();
        Set<String> served = new HashSet<>();
        for (Route route : plan.solution().routes()) {
            served.addAll(route.visitIds());
        }
        assertThat(served).isEqualTo(Set.of("1", "2", "3", "4"));
        // Demand 20 > one van's 10: both vans are needed.
        List<Route> used = plan.solution().routes().stream().filter(r -> !r.visitIds().isEmpty()).toList();
        assertThat(used).hasSize(2);
    }

    private static Planner planner() {
        return new Planner(new ProblemMapper(new ProblemValidator(), TravelMatrices.withoutRoads()));
    }
}
