package org.techroute.data.links;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;

import org.techroute.data.Examples;
import org.techroute.data.demo.DemoFeature;
import org.techroute.data.demo.DemoProblemGenerator;
import org.techroute.data.demo.DemoSpec;
import org.techroute.data.demo.PointSource;
import org.techroute.data.model.TravelMode;
import org.techroute.data.json.ProblemJson;
import org.techroute.data.mapping.MappedProblem;
import org.techroute.data.mapping.ProblemMapper;
import org.techroute.data.model.Problem;
import org.techroute.data.model.Route;
import org.techroute.data.model.Step;
import org.techroute.data.model.UnassignedVisit;
import org.techroute.data.model.Violation;
import org.techroute.data.solve.Planner;
import org.techroute.data.travel.TravelMatrices;
import org.techroute.data.validation.ProblemValidator;
import org.techroute.solver.domain.Visit;

/**
 * {@code visits[].crewId} and {@code visits[].after}: read, validated, mapped, solved, shown in the plan and
 * explained. On the small example: v3 (electrical, either technician) gets a crew mate v7 at the same place; v6
 * (anna only) follows v2 (ben only) by at least 30 minutes.
 */
class LinksModelTest {

    private final ProblemMapper mapper = new ProblemMapper(new ProblemValidator(), TravelMatrices.withoutRoads());

    private static ObjectNode visit(ObjectNode tree, int index) {
        return (ObjectNode) tree.withArray("visits").get(index);
    }

    private static ObjectNode after(ObjectNode visit, String visitId, Long min, Long max, Boolean same) {
        ObjectNode dependency = visit.withArray("after").addObject().put("visitId", visitId);
        if (min != null) {
            dependency.put("minDelaySeconds", min);
        }
        if (max != null) {
            dependency.put("maxDelaySeconds", max);
        }
        if (same != null) {
            dependency.put("sameTechnician", same);
        }
        return dependency;
    }

    /** v7 is a copy of v3 (same place and window), without demand; v3 and v7 are crew "c1"; v6 after v2 + 30 min. */
    static ObjectNode withLinks() {
        ObjectNode tree = Examples.smallProblemTree();
        ObjectNode v7 = visit(tree, 2).deepCopy();
        v7.put("id", "v7").put("customerName", "Praxis Dr. Ospelt (second technician)").put("priority", "HIGH");
        tree.withArray("visits").add(v7);
        visit(tree, 2).put("crewId", "c1");
        v7.put("crewId", "c1");
        after(visit(tree, 5), "v2", 1800L, null, null);
        // the time limit ends the solves that get stuck at a local optimum early (the step limit ends the others)
        ((ObjectNode) tree.get("options")).put("stepLimit", 100).put("timeLimit", "PT5S");
        return tree;
    }

    @Test
    void crewsAndDependenciesAreReadWrittenAndMapped() throws Exception {
        Problem problem = Examples.problem(withLinks());
        assertThat(problem.visits().get(2).crewId()).isEqualTo("c1");
        assertThat(problem.visits().get(5).after()).hasSize(1);
        assertThat(problem.visits().get(5).after().get(0).minDelaySeconds()).isEqualTo(1800L);
        assertThat(ProblemJson.read(ProblemJson.write(problem))).isEqualTo(problem);

        MappedProblem mapped = mapper.map(problem);
        Visit v3 = mapped.plan().getVisits().get(2);
        Visit v7 = mapped.plan().getVisits().get(6);
        assertThat(v3.getCrewMates()).containsExactly(v7);
        assertThat(v7.getCrewMates()).containsExactly(v3);
        Visit v6 = mapped.plan().getVisits().get(5);
        assertThat(v6.getDependencies()).singleElement().satisfies(d -> {
            assertThat(d.before().getId()).isEqualTo("v2");
            assertThat(d.minDelayMillis()).isEqualTo(1_800_000L);
            assertThat(d.hasMaxDelay()).isFalse();
            assertThat(d.sameTechnician()).isFalse();
        });
    }

    @Test
    void badLinksAreErrorsNamingTheVisitAndPath() {
        ObjectNode tree = withLinks();
        visit(tree, 0).put("crewId", "alone");
        after(visit(tree, 3), "nope", null, null, null);
        after(visit(tree, 3), "v1", -5L, null, null);
        after(visit(tree, 4), "v5", null, null, null);
        after(visit(tree, 4), "v1", 600L, 300L, null);
        after(visit(tree, 6), "v3", null, null, null);
        List<Violation> errors = new ProblemValidator().validate(Examples.problem(tree)).errors();
        assertThat(errors).containsExactly(
                new Violation("$.visits[0].crewId", "v1", "crew 'alone' has only this visit; a crew needs at least"
                        + " two visits (one per technician)"),
                new Violation("$.visits[3].after[0].visitId", "v4", "unknown visit 'nope'"),
                new Violation("$.visits[3].after[1].minDelaySeconds", "v4", "delay must not be negative, got -5"),
                new Violation("$.visits[4].after[0].visitId", "v5", "a visit cannot follow itself"),
                new Violation("$.visits[4].after[1].maxDelaySeconds", "v5",
                        "the maximum delay 300 is below the minimum delay 600"),
                new Violation("$.visits[6].after[0].visitId", "v7", "visit 'v3' is in the same crew (c1): crew visits"
                        + " start together, one cannot follow another"));
    }

    @Test
    void aCircleOfDependenciesIsAnError() {
        ObjectNode tree = withLinks();
        // v2 after v6 (which is after v2); and, through the crew, v4 after v3 and v7 after v4
        after(visit(tree, 1), "v6", null, null, null);
        List<Violation> errors = new ProblemValidator().validate(Examples.problem(tree)).errors();
        assertThat(errors).singleElement().satisfies(error -> {
            assertThat(error.message()).startsWith("dependencies go round in a circle: ");
            assertThat(error.message()).contains("visit v2").contains("visit v6");
            assertThat(error.path()).matches("\\$\\.visits\\[[15]\\]\\.after\\[0\\]\\.visitId");
        });
        ObjectNode crewTree = withLinks();
        after(visit(crewTree, 3), "v3", null, null, null);
        after(visit(crewTree, 6), "v4", null, null, null);
        assertThat(new ProblemValidator().validate(Examples.problem(crewTree)).errors()).singleElement()
                .satisfies(error -> assertThat(error.message()).contains("crew c1").contains("visit v4"));
    }

    @Test
    void theCrewStartsTogetherOnTwoRoutesAndTheDependentVisitWaits() {
        Problem plan = new Planner(mapper).solve(Examples.problem(withLinks()), progress -> { });
        assertThat(plan.solution().feasible()).isTrue();
        assertThat(plan.solution().unassignedVisits()).isEmpty();
        Step v3 = service(plan, "v3");
        Step v7 = service(plan, "v7");
        assertThat(v3.start()).isEqualTo(v7.start());
        assertThat(routeOf(plan, "v3").technicianId()).isNotEqualTo(routeOf(plan, "v7").technicianId());
        assertThat(v3.crew()).isEqualTo(new Step.Crew("c1", List.of(new Step.CrewMember("v7",
                routeOf(plan, "v7").technicianId(), routeOf(plan, "v7").shiftId()))));
        assertThat(v7.crew().members()).singleElement().satisfies(m -> assertThat(m.visitId()).isEqualTo("v3"));
        OffsetDateTime v2End = service(plan, "v2").end();
        assertThat(service(plan, "v6").start()).isAfterOrEqualTo(v2End.plus(Duration.ofMinutes(30)));
        assertThat(service(plan, "v1").crew()).isNull();
    }

    @Test
    void aCrewWithAMemberNobodyCanServeIsLeftOutNamingIt() {
        ObjectNode tree = withLinks();
        visit(tree, 6).putObject("requiredSkills").put("plumbing", 1);
        // v5 (ben's) follows v7, which cannot be served
        after(visit(tree, 4), "v7", null, null, null);
        Problem plan = new Planner(mapper).solve(Examples.problem(tree), progress -> { });
        assertThat(plan.solution().feasible()).isTrue();
        assertThat(reason(plan, "v7").reason()).isEqualTo("SKILL");
        UnassignedVisit v3 = reason(plan, "v3");
        assertThat(v3.reason()).isEqualTo("CREW");
        assertThat(v3.detail()).startsWith("crew c1 cannot be served: visit v7 (SKILL) no shift can serve it:");
        UnassignedVisit v5 = reason(plan, "v5");
        assertThat(v5.reason()).isEqualTo("DEPENDENCY");
        assertThat(v5.detail()).isEqualTo("follows visit v7, which is unassigned");
    }

    @Test
    void aCrewNeedsAsManyTechniciansAsVisits() {
        ObjectNode tree = withLinks();
        ObjectNode v8 = visit(tree, 6).deepCopy();
        v8.put("id", "v8");
        tree.withArray("visits").add(v8);
        v8.put("crewId", "c1");
        Problem plan = new Planner(mapper).solve(Examples.problem(tree), progress -> { });
        assertThat(reason(plan, "v3").reason()).isEqualTo("CREW");
        assertThat(reason(plan, "v3").detail()).isEqualTo("crew c1 needs 3 different technicians, one per visit"
                + " [v3, v7, v8], but not that many can serve its visits");
    }

    @Test
    void theDemoFeaturesAddCrewsAndFollowUpsThatASolveKeeps() {
        DemoSpec spec = new DemoSpec("Demo", 4, 30, 2, java.time.LocalDate.of(2026, 11, 24),
                java.time.ZoneOffset.ofHours(1), TravelMode.HAVERSINE, 3);
        Problem plain = DemoProblemGenerator.generate(spec, PointSource.liechtenstein());
        assertThat(plain.visits()).allMatch(v -> v.crewId() == null && v.after() == null);
        Problem demo = DemoFeature.apply(plain, EnumSet.of(DemoFeature.CREWS, DemoFeature.DEPENDENCIES));
        assertThat(new ProblemValidator().validate(demo).errors()).isEmpty();
        assertThat(demo.visits()).filteredOn(v -> v.crewId() != null).hasSize(6); // three crews of two
        assertThat(demo.visits()).filteredOn(v -> v.after() != null).isNotEmpty();
        assertThat(demo.visits().stream().filter(v -> v.id().endsWith("-HELPER")).findFirst().orElseThrow()
                .requiredSkills()).isNull();
        Problem solved = new Planner(mapper).solve(demo.withOptions(demo.optionsOrDefaults().withStepLimit(50L)
                .withTimeLimit(java.time.Duration.ofSeconds(20))),
                progress -> { });
        assertThat(solved.solution().feasible()).as(solved.solution().score()).isTrue();
        for (var visit : demo.visits()) {
            if (visit.crewId() != null) {
                boolean served = isServed(solved, visit.id());
                assertThat(demo.visits().stream().filter(v -> visit.crewId().equals(v.crewId()))
                        .allMatch(v -> isServed(solved, v.id()) == served)).as(visit.crewId()).isTrue();
            }
            for (var after : visit.afterOrEmpty()) {
                if (isServed(solved, visit.id())) {
                    assertThat(service(solved, visit.id()).start()).isAfterOrEqualTo(service(solved,
                            after.visitId()).end().plusSeconds(after.minDelaySecondsOrZero()));
                }
            }
        }
    }

    @Test
    void warningsBeforeSolvingNameACrewOrADependencyThatCanNeverBeServed() {
        assertThat(mapper.map(Examples.problem(withLinks())).warnings()).as("every link can be served").isEmpty();
        ObjectNode tree = withLinks();
        visit(tree, 6).putObject("requiredSkills").put("welding", 1); // v7: nobody welds
        visit(tree, 1).putObject("requiredSkills").put("welding", 1); // v2
        List<Violation> warnings = mapper.map(Examples.problem(tree)).warnings();
        assertThat(warnings).extracting(Violation::path, Violation::entityId).containsExactly(
                org.assertj.core.groups.Tuple.tuple("$.visits[1]", "v2"),
                org.assertj.core.groups.Tuple.tuple("$.visits[2]", "v3"),
                org.assertj.core.groups.Tuple.tuple("$.visits[5]", "v6"),
                org.assertj.core.groups.Tuple.tuple("$.visits[6]", "v7"));
        assertThat(warnings.get(1).message()).startsWith("this visit can never be served (CREW): crew c1 cannot be"
                + " served: visit v7 (SKILL)");
        assertThat(warnings.get(2).message()).isEqualTo("this visit can never be served (DEPENDENCY): follows visit"
                + " v2, which no technician can ever serve (SKILL)");
    }

    @Test
    void aCancelledVisitTakesItsLinksWithIt() {
        Problem plan = new Planner(mapper).solve(Examples.problem(withLinks()), progress -> { });
        Problem changed = org.techroute.data.changes.ChangeApplier.apply(plan,
                new org.techroute.data.changes.PlanChangeRequest(null, List.of(
                        new org.techroute.data.changes.PlanChange.CancelVisit("v7"),
                        new org.techroute.data.changes.PlanChange.CancelVisit("v2"))));
        assertThat(changed.visits().stream().filter(v -> v.id().equals("v3")).findFirst().orElseThrow().crewId())
                .isNull();
        assertThat(changed.visits().stream().filter(v -> v.id().equals("v6")).findFirst().orElseThrow().after())
                .isNull();
        assertThat(new ProblemValidator().validate(changed).errors()).isEmpty();
    }

    static boolean isServed(Problem plan, String visitId) {
        return plan.solution().routes().stream().anyMatch(r -> r.visitIds().contains(visitId));
    }

    static Step service(Problem plan, String visitId) {
        return plan.solution().routes().stream().flatMap(r -> r.steps().stream())
                .filter(s -> s.type() == Step.StepType.SERVICE && visitId.equals(s.visitId())).findFirst()
                .orElseThrow();
    }

    static Route routeOf(Problem plan, String visitId) {
        return plan.solution().routes().stream().filter(r -> r.visitIds().contains(visitId)).findFirst().orElseThrow();
    }

    static UnassignedVisit reason(Problem plan, String visitId) {
        return plan.solution().unassignedVisits().stream().filter(u -> u.visitId().equals(visitId)).findFirst()
                .orElseThrow();
    }
}
