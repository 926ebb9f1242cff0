package org.techroute.api.plans;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlanStatusTest {

    @Test
    void movesOnlyForwardWithinARun() {
        assertThat(PlanStatus.VALIDATING.canMoveTo(PlanStatus.QUEUED)).isTrue();
        assertThat(PlanStatus.QUEUED.canMoveTo(PlanStatus.SOLVING)).isTrue();
        assertThat(PlanStatus.QUEUED.canMoveTo(PlanStatus.STOPPED)).isTrue();
        assertThat(PlanStatus.SOLVING.canMoveTo(PlanStatus.SOLVED)).isTrue();
        assertThat(PlanStatus.SOLVING.canMoveTo(PlanStatus.FAILED)).isTrue();
        assertThat(PlanStatus.SOLVING.canMoveTo(PlanStatus.QUEUED)).isFalse();
        assertThat(PlanStatus.SOLVED.canMoveTo(PlanStatus.STOPPED)).isFalse();
        assertThat(PlanStatus.STOPPED.canMoveTo(PlanStatus.SOLVING)).isFalse();
    }

    @Test
    void activeUntilTheRunEnds() {
        assertThat(PlanStatus.VALIDATING.isActive()).isTrue();
        assertThat(PlanStatus.QUEUED.isActive()).isTrue();
        assertThat(PlanStatus.SOLVING.isActive()).isTrue();
        assertThat(PlanStatus.SOLVED.isActive()).isFalse();
        assertThat(PlanStatus.STOPPED.isActive()).isFalse();
        assertThat(PlanStatus.FAILED.isActive()).isFalse();
    }
}
