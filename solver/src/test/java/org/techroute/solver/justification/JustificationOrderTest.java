package org.techroute.solver.justification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

/** Justifications sort consistently with equals, so sorted collections never merge distinct ones. */
class JustificationOrderTest {

    @Test
    void twoBreakJustificationsOfOneShiftStayDistinct() {
        ShiftJustification first = new ShiftJustification("s1", "a break around visit v1 starts 5.0 min late");
        ShiftJustification second = new ShiftJustification("s1", "a break around visit v2 starts 9.0 min late");
        ShiftJustification other = new ShiftJustification("s0", "z");
        assertThat(first.compareTo(second)).isNegative();
        assertThat(first.compareTo(new ShiftJustification("s1", first.description()))).isZero();
        assertThat(new TreeSet<>(List.of(second, first, other))).containsExactly(other, first, second);
    }

    @Test
    void visitJustificationsOrderByVisitThenShiftThenDescription() {
        VisitJustification unassigned = new VisitJustification("v1", null, "a");
        VisitJustification onS1 = new VisitJustification("v1", "s1", "a");
        VisitJustification onS1b = new VisitJustification("v1", "s1", "b");
        VisitJustification v0 = new VisitJustification("v0", "s9", "z");
        assertThat(new TreeSet<>(List.of(onS1b, onS1, unassigned, v0))).containsExactly(v0, unassigned, onS1, onS1b);
        assertThat(onS1.compareTo(new VisitJustification("v1", "s1", "a"))).isZero();
    }
}
