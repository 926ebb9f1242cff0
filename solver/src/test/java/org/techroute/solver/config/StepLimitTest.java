package org.techroute.solver.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.techroute.solver.TestData.MATRIX;
import static org.techroute.solver.TestData.at;
import static org.techroute.solver.TestData.minutes;
import static org.techroute.solver.TestData.shift;
import static org.techroute.solver.TestData.technician;
import static org.techroute.solver.TestData.visit;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import ai.timefold.solver.core.api.solver.SolverFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.techroute.solver.domain.RoutePlan;
import org.techroute.solver.domain.Shift;
import org.techroute.solver.domain.Technician;
import org.techroute.solver.domain.Visit;

/**
 * A step limit bounds the local search even at a local optimum where late acceptance rejects every move: such a
 * step never ends on its own, and the solve used to run to its time limit.
 */
class StepLimitTest {

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES) // a safety net; the solve itself is bounded by the move cap
    void aStepLimitEndsTheSearchEvenWhenNoMoveIsAccepted() {
        Technician alice = technician("alice");
        Shift shift = shift("s", alice).matrix(MATRIX).hours(at(8, 0), at(17, 0)).build();
        // the windows force this order and this technician: every other plan is worse
        Visit first = visit("first", 1).window(at(8, 0), at(8, 30)).build();
        Visit second = visit("second", 2).window(at(15, 0), at(15, 30)).build();
        RoutePlan problem = new RoutePlan(List.of(alice), List.of(shift), List.of(first, second), null);
        SolveSettings settings = SolveSettings.of(Duration.ofMinutes(10)).withStepCountLimit(5L);

        long started = System.nanoTime();
        RoutePlan best = SolverFactory.<RoutePlan> create(TechrouteSolverConfig.create(settings)).buildSolver()
                .solve(problem);

        assertThat(best.getScore().hardScore()).isZero();
        assertThat(best.getScore().mediumScore()).isZero();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("ended by the move cap, not the time limit")
                .isLessThan(Duration.ofMinutes(4));
    }
}
