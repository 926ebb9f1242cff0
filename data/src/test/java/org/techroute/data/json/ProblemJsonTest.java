package org.techroute.data.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import org.techroute.data.Examples;
import org.techroute.data.model.Problem;
import org.techroute.data.model.Violation;

class ProblemJsonTest {

    private static Violation violationOf(String json) {
        try {
            ProblemJson.read(json);
        } catch (ProblemFormatException e) {
            return e.violation();
        }
        throw new AssertionError("expected a format error for " + json);
    }

    @Test
    void readsTheExampleAndWritesItBackUnchanged() throws Exception {
        Problem problem = Examples.smallProblem();
        assertThat(problem.visits()).hasSize(6);
        assertThat(problem.shifts().get(0).start().getOffset().getTotalSeconds()).isEqualTo(3600);
        String written = ProblemJson.write(problem);
        assertThat(ProblemJson.write(ProblemJson.read(written))).isEqualTo(written);
    }

    @Test
    void malformedJsonNamesLineAndColumn() {
        Violation violation = violationOf("{\n  \"visits\": [ {\"id\": \"v1\",, } ]\n}");
        assertThat(violation.path()).isEqualTo("$");
        assertThat(violation.message()).startsWith("malformed JSON at line 2");
    }

    @Test
    void anUnclosedListSaysWhereItWasOpenedWithoutParserInternals() {
        Violation violation = violationOf("{\"technicians\": [\n");
        assertThat(violation.message()).contains("expected close marker for Array (opened at line 1, column 17)")
                .doesNotContain("Source").doesNotContain("StreamReadFeature");
    }

    @Test
    void emptyAndNonObjectDocumentsAreRejected() {
        assertThat(violationOf("").message()).isEqualTo("the document is empty");
        assertThat(violationOf("[1, 2]").message()).isEqualTo("a problem must be a JSON object");
    }

    @Test
    void unknownFieldNamesPathAndEntity() {
        ObjectNode tree = Examples.smallProblemTree();
        ((ObjectNode) tree.withArray("visits").get(2)).put("durationMinutes", 30);
        Violation violation = assertFormatError(tree);
        assertThat(violation.path()).isEqualTo("$.visits[2].durationMinutes");
        assertThat(violation.entityId()).isEqualTo("v3");
        assertThat(violation.message()).isEqualTo("unknown field 'durationMinutes'");
    }

    @Test
    void dateTimeWithoutOffsetIsExplainedWithoutJavaTypeNames() {
        ObjectNode tree = Examples.smallProblemTree();
        ((ObjectNode) tree.withArray("shifts").get(1)).put("start", "2026-11-23T08:00:00");
        Violation violation = assertFormatError(tree);
        assertThat(violation.path()).isEqualTo("$.shifts[1].start");
        assertThat(violation.entityId()).isEqualTo("ben-mon");
        assertThat(violation.message()).contains("date-time with offset").doesNotContain("java.");
    }

    @Test
    void wrongTypesAndUnknownEnumsAreExplained() {
        ObjectNode tree = Examples.smallProblemTree();
        ((ObjectNode) tree.withArray("visits").get(0)).put("serviceDurationSeconds", "an hour");
        Violation wrongType = assertFormatError(tree);
        assertThat(wrongType.path()).isEqualTo("$.visits[0].serviceDurationSeconds");
        assertThat(wrongType.message()).contains("whole number").doesNotContain("java.");

        ObjectNode priority = Examples.smallProblemTree();
        ((ObjectNode) priority.withArray("visits").get(3)).put("priority", "URGENT");
        Violation badEnum = assertFormatError(priority);
        assertThat(badEnum.entityId()).isEqualTo("v4");
        assertThat(badEnum.message()).contains("CRITICAL, HIGH, NORMAL, LOW");
    }

    @Test
    void fractionalWholeNumbersAreRejected() {
        ObjectNode tree = Examples.smallProblemTree();
        ((ObjectNode) tree.withArray("visits").get(1)).put("serviceDurationSeconds", 90.5);
        assertThat(assertFormatError(tree).path()).isEqualTo("$.visits[1].serviceDurationSeconds");
    }

    @Test
    void duplicateKeysAreRejected() {
        assertThat(violationOf("{\"name\": \"a\", \"name\": \"b\"}").message()).contains("Duplicate field");
    }

    private static Violation assertFormatError(ObjectNode tree) {
        try {
            ProblemJson.fromTree(tree);
        } catch (ProblemFormatException e) {
            return e.violation();
        }
        throw new AssertionError("expected a format error");
    }
}
