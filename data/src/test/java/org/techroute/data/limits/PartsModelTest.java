package org.techroute.data.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import org.techroute.data.Examples;
import org.techroute.data.demo.DemoFeature;
import org.techroute.data.demo.DemoProblemGenerator;
import org.techroute.data.demo.DemoSpec;
import org.techroute.data.demo.PointSource;
import org.techroute.data.json.ProblemJson;
import org.techroute.data.mapping.MappedProblem;
import org.techroute.data.mapping.ProblemMapper;
import org.techroute.data.model.Problem;
import org.techroute.data.model.TravelMode;
import org.techroute.data.model.UnassignedVisit;
import org.techroute.data.model.Violation;
import org.techroute.data.solve.Planner;
import org.techroute.data.travel.TravelMatrices;
import org.techroute.data.validation.ProblemValidator;
import org.techroute.solver.domain.Shift;
import org.techroute.solver.domain.Visit;

/** {@code shifts[].vanStock} and {@code visits[].parts}: read, validated, mapped, solved and explained. */
class PartsModelTest {

    private final ProblemMapper mapper = new ProblemMapper(new ProblemValidator(), TravelMatrices.withoutRoads());

    private static ObjectNode shift(ObjectNode tree, int index) {
        return (ObjectNode) tree.withArray("shifts").get(index);
    }

    private static ObjectNode visit(ObjectNode tree, int index) {
        return (ObjectNode) tree.withArray("visits").get(index);
    }

    /**
     * The small example with anna's van carrying 2 valves and a pump, ben's 1 valve; v3 (which either can serve, and
     * ben serves in the example's plan) needs 2 valves.
     */
    static ObjectNode withParts() {
        ObjectNode tree = Examples.smallProblemTree();
        shift(tree, 0).putObject("vanStock").put("valve", 2).put("pump", 1);
        shift(tree, 1).putObject("vanStock").put("valve", 1);
        visit(tree, 2).putObject("parts").put("valve", 2);
        // the assertions hold for the first plan already: the time limit is a safety net, not a measure
        ((ObjectNode) tree.get("options")).put("stepLimit", 50).put("timeLimit", "PT5S");
        return tree;
    }

    @Test
    void partsAreReadWrittenAndMappedByName() throws Exception {
        Problem problem = Examples.problem(withParts());
        assertThat(problem.shifts().get(0).vanStock()).containsEntry("valve", 2).containsEntry("pump", 1);
        assertThat(ProblemJson.read(ProblemJson.write(problem))).isEqualTo(problem);

        MappedProblem mapped = mapper.map(problem);
        Shift anna = mapped.plan().getShifts().get(0);
        Shift ben = mapped.plan().getShifts().get(1);
        // parts sorted by name: pump 0, valve 1
        assertThat(anna.getVanStock()).containsExactly(1, 2);
        assertThat(ben.getVanStock()).containsExactly(0, 1);
        Visit v3 = mapped.plan().getVisits().get(2);
        assertThat(v3.getPartIds()).containsExactly(1);
        assertThat(v3.getPartQuantities()).containsExactly(2);
        assertThat(v3.getPartNames()).containsExactly("valve");
    }

    @Test
    void negativeStockAndQuantitiesAreErrorsNamingTheEntityAndPart() {
        ObjectNode tree = withParts();
        shift(tree, 1).putObject("vanStock").put("valve", -1);
        visit(tree, 3).putObject("parts").put("pump", -2);
        Problem problem = Examples.problem(tree);
        assertThat(new ProblemValidator().validate(problem).errors()).containsExactly(
                new Violation("$.shifts[1].vanStock.valve", "ben-mon",
                        "the stock of part 'valve' must not be negative, got -1"),
                new Violation("$.visits[3].parts.pump", problem.visits().get(3).id(),
                        "the quantity of part 'pump' must not be negative, got -2"));
    }

    @Test
    void aVisitGoesToAVanWithItsPartsAndIsPartsWhenNoVanCarriesEnough() {
        Planner planner = new Planner(mapper);
        Problem plan = planner.solve(Examples.problem(withParts()), progress -> { });
        assertThat(plan.solution().feasible()).isTrue();
        assertThat(plan.solution().routes().stream().filter(r -> r.visitIds().contains("v3")).findFirst()
                .orElseThrow().shiftId()).isEqualTo("anna-mon");

        ObjectNode tree = withParts();
        visit(tree, 2).putObject("parts").put("valve", 3);
        Problem short3 = planner.solve(Examples.problem(tree), progress -> { });
        assertThat(short3.solution().feasible()).isTrue();
        UnassignedVisit v3 = short3.solution().unassignedVisits().stream().filter(u -> u.visitId().equals("v3"))
                .findFirst().orElseThrow();
        assertThat(v3.reason()).isEqualTo("PARTS");
        assertThat(v3.detail()).isEqualTo("no shift can serve it: PARTS on shift anna-mon: needs 3 of part 'valve',"
                + " the van carries 2; PARTS on shift ben-mon: needs 3 of part 'valve', the van carries 1");
    }

    @Test
    void theDemoFeatureStocksVansAndGivesSomeVisitsParts() {
        DemoSpec spec = new DemoSpec("Demo", 4, 30, 1, java.time.LocalDate.of(2026, 11, 24),
                java.time.ZoneOffset.ofHours(1), TravelMode.HAVERSINE, 3);
        Problem plain = DemoProblemGenerator.generate(spec, PointSource.liechtenstein());
        assertThat(plain.shifts()).allMatch(s -> s.vanStock() == null && s.maxTravelSeconds() == null);
        Problem demo = DemoFeature.apply(plain, EnumSet.of(DemoFeature.PARTS, DemoFeature.TRAVEL_LIMIT));
        assertThat(demo.shifts()).allMatch(s -> !s.vanStockOrEmpty().isEmpty() && s.maxTravelSeconds() == 3600);
        assertThat(demo.visits()).anyMatch(v -> !v.partsOrEmpty().isEmpty());
        assertThat(DemoFeature.apply(plain, EnumSet.of(DemoFeature.PARTS))).isEqualTo(demo.withResources(
                demo.technicians(), demo.shifts().stream().map(s -> s.withMaxTravelSeconds(null)).toList(),
                demo.visits()));
        assertThat(new ProblemValidator().validate(demo).errors()).isEmpty();
    }
}
