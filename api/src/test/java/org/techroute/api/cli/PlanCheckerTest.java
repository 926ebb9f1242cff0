package org.techroute.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import org.techroute.data.json.ProblemJson;

/** The independent checker finds broken plans (so that its silence on a real plan means something). */
class PlanCheckerTest {

    private static ObjectNode goldenPlan() throws Exception {
        return (ObjectNode) ProblemJson.mapper().readTree(SolveCommandTest.SMALL_PLAN.toFile());
    }

    private static ObjectNode visit(ObjectNode plan, String id) {
        for (JsonNode visit : plan.withArray("visits")) {
            if (visit.path("id").asText().equals(id)) {
                return (ObjectNode) visit;
            }
        }
        throw new AssertionError(id);
    }

    @Test
    void theGoldenPlanIsClean() throws Exception {
        assertThat(PlanChecker.check(goldenPlan())).isEmpty();
    }

    @Test
    void findsAMissingSkillLevel() throws Exception {
        ObjectNode plan = goldenPlan();
        ((ObjectNode) visit(plan, "v4").get("requiredSkills")).put("hvac", 5);
        assertThat(PlanChecker.check(plan)).anyMatch(e -> e.startsWith("v4: needs hvac 5"));
    }

    @Test
    void findsAServiceOutsideItsWindow() throws Exception {
        ObjectNode plan = goldenPlan();
        ((ObjectNode) visit(plan, "v1").withArray("timeWindows").get(0)).put("start", "2026-11-23T09:30:00+01:00");
        assertThat(PlanChecker.check(plan)).anyMatch(e -> e.startsWith("v1: service starts"));
    }

    @Test
    void findsAnExpiredCertificationAndTheShiftEndPassed() throws Exception {
        ObjectNode plan = goldenPlan();
        ((ObjectNode) plan.withArray("technicians").get(0).withArray("certifications").get(0))
                .put("validUntil", "2026-01-01");
        ((ObjectNode) plan.withArray("shifts").get(0)).put("end", "2026-11-23T09:00:00+01:00")
                .put("maxOvertimeSeconds", 0);
        assertThat(PlanChecker.check(plan)).anyMatch(e -> e.contains("has no valid f-gas"))
                .anyMatch(e -> e.startsWith("anna-mon: the day ends"));
    }

    @Test
    void findsAVisitServedTwice() throws Exception {
        ObjectNode plan = goldenPlan();
        JsonNode routes = plan.path("solution").path("routes");
        ObjectNode serviceStep = null;
        for (JsonNode step : routes.get(1).path("steps")) {
            if (step.path("type").asText().equals("SERVICE")) {
                serviceStep = (ObjectNode) step;
                break;
            }
        }
        serviceStep.put("visitId", "v1");
        assertThat(PlanChecker.check(plan)).anyMatch(e -> e.equals("visit v1 is served twice"));
    }

    @Test
    void findsARouteDrivingMoreThanItsLimit() throws Exception {
        ObjectNode plan = goldenPlan();
        ((ObjectNode) plan.withArray("shifts").get(0)).put("maxTravelSeconds", 60);
        assertThat(PlanChecker.check(plan)).anyMatch(e -> e.startsWith("anna-mon: the route drives"));
    }

    @Test
    void findsARouteNeedingMorePartsThanTheVanCarries() throws Exception {
        ObjectNode plan = goldenPlan();
        visit(plan, "v1").putObject("parts").put("valve", 2);
        visit(plan, "v6").putObject("parts").put("valve", 1);
        ((ObjectNode) plan.withArray("shifts").get(0)).putObject("vanStock").put("valve", 2);
        assertThat(PlanChecker.check(plan)).containsExactly("anna-mon: the visits need 3 of part valve, the van"
                + " carries 2");
    }

    @Test
    void findsACrewSplitOrStartingApart() throws Exception {
        ObjectNode plan = goldenPlan();
        // v1 (anna, 08:00) and v3 (ben) as a crew: they start at different times
        visit(plan, "v1").put("crewId", "c");
        visit(plan, "v3").put("crewId", "c");
        assertThat(PlanChecker.check(plan)).anyMatch(e -> e.startsWith("crew c: its visits start at different times"));
        // with v5 (ben's, like v3) in the crew too
        visit(plan, "v5").put("crewId", "c");
        assertThat(PlanChecker.check(plan)).anyMatch(e -> e.equals("crew c: one technician serves two of its visits"));
    }

    @Test
    void findsAVisitStartingBeforeTheOneItFollowsEnds() throws Exception {
        ObjectNode plan = goldenPlan();
        // v1 (anna) starts first thing; make it follow v4 (anna, later) and another visit on ben's route
        visit(plan, "v1").withArray("after").addObject().put("visitId", "v4");
        visit(plan, "v1").withArray("after").addObject().put("visitId", "v5").put("sameTechnician", true);
        assertThat(PlanChecker.check(plan)).anyMatch(e -> e.startsWith("v1: starts at") && e.endsWith("(after v4)"))
                .anyMatch(e -> e.startsWith("v1: served by anna, visit v5 by ben"));
    }
}
