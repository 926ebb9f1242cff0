package org.techroute.data.validation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;

import org.techroute.data.Examples;
import org.techroute.data.model.Violation;

/** A break recorded as {@code taken} needs a start, and does not end before it starts. */
class TakenBreakValidationTest {

    private static ObjectNode firstBreak(ObjectNode tree) {
        return (ObjectNode) tree.withArray("shifts").get(0).withArray("breaks").get(0);
    }

    @Test
    void aTakenBreakIsReadAndChecked() {
        ObjectNode tree = Examples.smallProblemTree();
        ObjectNode taken = firstBreak(tree).putObject("taken");
        taken.put("end", "2026-11-23T12:30:00+01:00");
        ValidationReport missingStart = new ProblemValidator().validate(Examples.problem(tree));
        assertThat(missingStart.errors()).extracting(Violation::path).contains("$.shifts[0].breaks[0].taken.start");

        taken.put("start", "2026-11-23T12:40:00+01:00");
        ValidationReport endsFirst = new ProblemValidator().validate(Examples.problem(tree));
        assertThat(endsFirst.errors()).anyMatch(v -> v.path().equals("$.shifts[0].breaks[0].taken.end")
                && v.message().contains("before it starts"));

        taken.put("start", "2026-11-23T12:00:00+01:00");
        assertThat(new ProblemValidator().validate(Examples.problem(tree)).isValid()).isTrue();
    }
}
