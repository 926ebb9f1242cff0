package org.techroute.data.batch;

import java.util.function.Consumer;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

import org.techroute.data.model.Problem;
import org.techroute.data.model.Solution;
import org.techroute.data.solve.Planner;
import org.techroute.data.solve.Progress;
import org.techroute.data.travel.UnsupportedTravelModeException;
import org.techroute.data.validation.InvalidProblemException;

/**
 * Re-solves a stored plan from its current routes and keeps the result only if it scores better: the nightly
 * batch's unit of work, shared by the command line and the service's schedule.
 */
public final class Reoptimizer {

    private final Planner planner;

    public Reoptimizer(Planner planner) {
        this.planner = planner;
    }

    /** The outcome, and the plan to keep (the new one when better, else the old one). */
    public record Result(ReoptimizationOutcome outcome, Problem keep) {
    }

    public Result reoptimize(String name, Problem plan, Consumer<Progress> progress) {
        Solution before = plan.solution();
        Problem after;
        try {
            after = planner.solve(plan, progress);
        } catch (InvalidProblemException e) {
            return new Result(failed(name, before, e.violations().size() + " problem(s) in the input, first: "
                    + e.violations().get(0)), plan);
        } catch (UnsupportedTravelModeException e) {
            return new Result(failed(name, before, e.getMessage()), plan);
        }
        Solution solution = after.solution();
        if (before == null || before.score() == null) {
            return new Result(new ReoptimizationOutcome(name, "SOLVED", null, solution.score(), null,
                    solution.kpis(), null), after);
        }
        boolean better = HardMediumSoftLongScore.parseScore(solution.score())
                .compareTo(HardMediumSoftLongScore.parseScore(before.score())) > 0;
        return new Result(new ReoptimizationOutcome(name, better ? "IMPROVED" : "NOT_BETTER", before.score(),
                solution.score(), before.kpis(), solution.kpis(), null), better ? after : plan);
    }

    private static ReoptimizationOutcome failed(String name, Solution before, String error) {
        return new ReoptimizationOutcome(name, "FAILED", before == null ? null : before.score(), null,
                before == null ? null : before.kpis(), null, error);
    }
}
