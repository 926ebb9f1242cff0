package org.techroute.data.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

import org.techroute.data.model.Route;
import org.techroute.data.model.Solution;
import org.techroute.data.model.Step;
import org.techroute.data.model.Step.StepType;

/** Checks that a plan's steps add up, independently of how they were built. */
final class StepChecks {

    private StepChecks() {
    }

    static void stepsAddUp(Solution solution) {
        BigDecimal travel = BigDecimal.ZERO;
        BigDecimal service = BigDecimal.ZERO;
        BigDecimal waiting = BigDecimal.ZERO;
        BigDecimal breaks = BigDecimal.ZERO;
        for (Route route : solution.routes()) {
            List<Step> steps = route.steps();
            if (steps.isEmpty()) {
                continue;
            }
            String where = route.shiftId();
            assertThat(steps.get(0).start()).as(where + ": the route starts with its first step")
                    .isEqualTo(route.start());
            assertThat(steps.get(steps.size() - 1).end()).as(where + ": the route ends with its last step")
                    .isEqualTo(route.end());
            for (int i = 0; i < steps.size(); i++) {
                Step step = steps.get(i);
                String what = where + " step " + i + " " + step;
                assertThat(step.end()).as(what).isAfterOrEqualTo(step.start());
                assertThat(step.durationSeconds()).as(what + ": duration = end - start")
                        .isEqualByComparingTo(seconds(Duration.between(step.start(), step.end())));
                if (i > 0) {
                    assertThat(step.start()).as(what + ": contiguous").isEqualTo(steps.get(i - 1).end());
                }
            }
            assertThat(route.travelSeconds()).as(where + " travel").isEqualByComparingTo(sum(steps, StepType.TRAVEL));
            assertThat(route.serviceSeconds()).as(where + " service")
                    .isEqualByComparingTo(sum(steps, StepType.SERVICE));
            assertThat(route.waitSeconds()).as(where + " wait").isEqualByComparingTo(sum(steps, StepType.WAIT));
            assertThat(route.breakSeconds()).as(where + " breaks").isEqualByComparingTo(sum(steps, StepType.BREAK));
            travel = travel.add(route.travelSeconds());
            service = service.add(route.serviceSeconds());
            waiting = waiting.add(route.waitSeconds());
            breaks = breaks.add(route.breakSeconds());
        }
        assertThat(solution.kpis().travelSeconds()).isEqualByComparingTo(travel);
        assertThat(solution.kpis().serviceSeconds()).isEqualByComparingTo(service);
        assertThat(solution.kpis().waitSeconds()).isEqualByComparingTo(waiting);
        assertThat(solution.kpis().breakSeconds()).isEqualByComparingTo(breaks);
    }

    static BigDecimal sum(List<Step> steps, StepType type) {
        return steps.stream().filter(s -> s.type() == type).map(Step::durationSeconds)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    static <T> long count(List<T> items, Function<T, Boolean> test) {
        return items.stream().filter(test::apply).count();
    }

    private static BigDecimal seconds(Duration duration) {
        return BigDecimal.valueOf(duration.toMillis(), 3);
    }
}
