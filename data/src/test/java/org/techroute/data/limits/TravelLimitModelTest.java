package org.techroute.data.limits;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import org.techroute.data.Examples;
import org.techroute.data.json.ProblemJson;
import org.techroute.data.mapping.MappedProblem;
import org.techroute.data.mapping.ProblemMapper;
import org.techroute.data.model.Problem;
import org.techroute.data.model.Violation;
import org.techroute.data.travel.TravelMatrices;
import org.techroute.data.validation.InvalidProblemException;
import org.techroute.data.validation.ProblemValidator;
import org.techroute.solver.domain.Shift;

/** {@code shifts[].maxTravelSeconds}: read, written, validated and mapped to the planning model. */
class TravelLimitModelTest {

    private final ProblemMapper mapper = new ProblemMapper(new ProblemValidator(), TravelMatrices.withoutRoads());

    private static ObjectNode shift(ObjectNode tree, int index) {
        return (ObjectNode) tree.withArray("shifts").get(index);
    }

    @Test
    void theLimitIsReadWrittenAndMappedToMilliseconds() throws Exception {
        ObjectNode tree = Examples.smallProblemTree();
        shift(tree, 0).put("maxTravelSeconds", 5400);
        Problem problem = Examples.problem(tree);
        assertThat(problem.shifts().get(0).maxTravelSeconds()).isEqualTo(5400L);
        assertThat(problem.shifts().get(1).maxTravelSeconds()).isNull();
        assertThat(ProblemJson.write(problem)).contains("\"maxTravelSeconds\" : 5400");
        assertThat(ProblemJson.read(ProblemJson.write(problem))).isEqualTo(problem);

        MappedProblem mapped = mapper.map(problem);
        Shift limited = mapped.plan().getShifts().get(0);
        assertThat(limited.getMaxTravelMillis()).isEqualTo(5_400_000L);
        assertThat(mapped.plan().getShifts().get(1).getMaxTravelMillis()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void aNegativeLimitIsAnErrorNamingTheShiftAndField() {
        ObjectNode tree = Examples.smallProblemTree();
        shift(tree, 1).put("maxTravelSeconds", -1);
        Problem problem = Examples.problem(tree);
        var report = new ProblemValidator().validate(problem);
        assertThat(report.errors()).containsExactly(new Violation("$.shifts[1].maxTravelSeconds",
                problem.shifts().get(1).id(), "the travel limit must not be negative, got -1"));
        try {
            mapper.map(problem);
            throw new AssertionError("an invalid problem was mapped");
        } catch (InvalidProblemException e) {
            assertThat(e.violations()).extracting(Violation::path).containsExactly("$.shifts[1].maxTravelSeconds");
        }
    }

    @Test
    void aFractionalLimitIsAFormatError() {
        ObjectNode tree = Examples.smallProblemTree();
        shift(tree, 0).put("maxTravelSeconds", 1.5);
        try {
            ProblemJson.fromTree(tree);
            throw new AssertionError("a fractional limit was read");
        } catch (org.techroute.data.json.ProblemFormatException e) {
            assertThat(e.violation().path()).isEqualTo("$.shifts[0].maxTravelSeconds");
        }
    }
}
