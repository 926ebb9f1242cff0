package org.techroute.benchmarks.day;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import org.techroute.data.mapping.ProblemMapper;
import org.techroute.data.model.TravelMode;
import org.techroute.data.solve.Planner;
import org.techroute.data.travel.TravelMatrices;
import org.techroute.data.validation.ProblemValidator;

/**
 * Fifty seeded small days on straight lines, each with six random live changes re-planned as the service does
 * it; every plan is checked by the {@link DayChecker}. No invariant may be violated. Step limits only, so the
 * days are the same on any machine.
 */
class DaySimulatorTest {

    static final int DAYS = 50;

    @Test
    void fiftySmallDaysBreakNoInvariant() {
        DaySimulator simulator = new DaySimulator(
                new Planner(new ProblemMapper(new ProblemValidator(), TravelMatrices.withoutRoads())),
                Travel.haversine(), null, new DaySimulator.Settings(3, 16, 6, 60, TravelMode.HAVERSINE),
                ChangeKinds.all());
        DayReport report = new DayReport();
        for (long seed = 1; seed <= DAYS; seed++) {
            report.add(simulator.run(seed));
        }
        String summary = report.markdown("DaySimulatorTest: " + DAYS + " days");
        System.out.println(summary);
        Map<Invariant, List<Finding>> byInvariant = report.findingsByInvariant();
        String violations = byInvariant.entrySet().stream().filter(e -> !e.getValue().isEmpty())
                .map(e -> e.getKey().id() + ": " + e.getValue().size() + ", e.g. " + e.getValue().get(0))
                .collect(Collectors.joining("\n"));
        assertThat(report.findings().size()).as("invariant violations (see the summary on standard output):\n%s",
                violations).isZero();
    }
}
