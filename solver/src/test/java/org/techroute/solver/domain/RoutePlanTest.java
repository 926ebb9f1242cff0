package org.techroute.solver.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import ai.timefold.solver.core.api.domain.solution.ConstraintWeightOverrides;

import org.junit.jupiter.api.Test;

class RoutePlanTest {

    @Test
    void missingConstraintWeightOverridesMeanNone() {
        // Timefold's solver throws a NullPointerException on a null overrides field
        assertThat(new RoutePlan(List.of(), List.of(), List.of(), null).getConstraintWeightOverrides())
                .isNotNull()
                .extracting(ConstraintWeightOverrides::getKnownConstraintNames).asInstanceOf(
                        org.assertj.core.api.InstanceOfAssertFactories.COLLECTION).isEmpty();
        assertThat(new RoutePlan().getConstraintWeightOverrides()).isNotNull();
        RoutePlan plan = new RoutePlan();
        plan.setConstraintWeightOverrides(null);
        assertThat(plan.getConstraintWeightOverrides()).isNotNull();
    }
}
