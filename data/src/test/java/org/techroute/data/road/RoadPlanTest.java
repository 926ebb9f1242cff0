package org.techroute.data.road;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.techroute.data.demo.DemoProblemGenerator;
import org.techroute.data.demo.DemoSpec;
import org.techroute.data.mapping.ProblemMapper;
import org.techroute.data.model.Location;
import org.techroute.data.model.Problem;
import org.techroute.data.model.Route;
import org.techroute.data.model.Shift;
import org.techroute.data.model.Step;
import org.techroute.data.model.TravelMode;
import org.techroute.data.model.Visit;
import org.techroute.data.model.Violation;
import org.techroute.data.solve.Planner;
import org.techroute.data.travel.TravelMatrices;
import org.techroute.data.validation.InvalidProblemException;
import org.techroute.data.validation.ProblemValidator;

/** A plan in road travel mode on the real Liechtenstein extract: its legs are GraphHopper's routes. */
@RequiresOsm("liechtenstein.osm.pbf")
class RoadPlanTest {

    static RoadGraph graph;
    static Planner planner;
    static Problem problem;
    static Problem plan;

    @BeforeAll
    static void solve() {
        graph = SharedGraphs.liechtenstein();
        planner = new Planner(new ProblemMapper(new ProblemValidator(),
                TravelMatrices.withRoads(new RoadMatrixSource(new RoadMatrixService(graph)))));
        DemoSpec spec = new DemoSpec("road demo", 4, 16, 1, LocalDate.of(2026, 11, 24), ZoneOffset.ofHours(1),
                TravelMode.ROAD, 3);
        problem = DemoProblemGenerator.generate(spec, RoadDemoPoints.of(graph, spec));
        plan = planner.solve(problem.withOptions(problem.options().withStepLimit(300L)), progress -> {
        });
    }

    @Test
    void everyLegIsGraphHoppersRouteBetweenTheStops() {
        Map<String, Location> visits = new HashMap<>();
        problem.visits().forEach(v -> visits.put(v.id(), v.location()));
        Map<String, Location> homes = new HashMap<>();
        problem.technicians().forEach(t -> homes.put(t.id(), t.home()));
        int legs = 0;
        for (Route route : plan.solution().routes()) {
            if (route.visitIds().isEmpty()) {
                continue;
            }
            Shift shift = problem.shifts().stream().filter(s -> s.id().equals(route.shiftId())).findFirst()
                    .orElseThrow();
            List<LatLon> stops = new ArrayList<>();
            stops.add(latLon(homes.get(shift.technicianId())));
            route.visitIds().forEach(id -> stops.add(latLon(visits.get(id))));
            stops.add(latLon(homes.get(shift.technicianId())));
            List<LegGeometry> expected = graph.routeGeometry(stops);
            List<Step> travel = route.steps().stream().filter(s -> s.type() == Step.StepType.TRAVEL).toList();
            assertThat(travel).hasSameSizeAs(expected);
            for (int i = 0; i < travel.size(); i++) {
                assertThat(travel.get(i).durationSeconds().doubleValue()).as("%s leg %d seconds", route.shiftId(), i)
                        .isCloseTo(expected.get(i).millis() / 1000.0, within(1.0));
                assertThat(travel.get(i).travelMeters().doubleValue()).as("%s leg %d meters", route.shiftId(), i)
                        .isCloseTo(expected.get(i).meters(), within(1.0));
                legs++;
            }
        }
        assertThat(legs).isGreaterThan(10);
        assertThat(plan.solution().feasible()).isTrue();
        assertThat(plan.solution().snaps()).hasSize(4 + 16);
        assertThat(plan.solution().snaps()).allSatisfy(snap -> assertThat(snap.meters().doubleValue())
                .isLessThan(500));
    }

    @Test
    void locationsOffTheMapAreRefusedByNameAndNothingIsSolved() {
        List<Visit> visits = new ArrayList<>(problem.visits());
        Visit moved = visits.get(5);
        visits.set(5, new Visit(moved.id(), moved.customerName(), Location.ofLatLon(47.9, 9.5),
                moved.serviceDurationSeconds(), moved.timeWindows(), moved.requiredSkills(),
                moved.requiredCertifications(), moved.priority(), null, null, null, moved.demand(), null));
        Problem bad = problem.withResources(problem.technicians(), problem.shifts(), visits);
        assertThatThrownBy(() -> planner.prepare(bad))
                .isInstanceOfSatisfying(InvalidProblemException.class, e -> {
                    assertThat(e.violations()).hasSize(1);
                    Violation violation = e.violations().get(0);
                    assertThat(violation.path()).isEqualTo("$.visits[5].location");
                    assertThat(violation.entityId()).isEqualTo(moved.id());
                    assertThat(violation.message()).contains("outside the road map").contains("OUTSIDE_MAP")
                            .doesNotContain("location 2");
                });
    }

    private static LatLon latLon(Location location) {
        return new LatLon(location.lat(), location.lon());
    }
}
