package org.techroute.api.plans;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;

import ai.timefold.solver.core.api.solver.Solver;
import ai.timefold.solver.core.api.solver.change.ProblemChange;
import ai.timefold.solver.core.api.solver.change.ProblemChangeDirector;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.techroute.data.changes.LiveProblemChange;
import org.techroute.data.json.ProblemJson;
import org.techroute.data.mapping.MappedProblem;
import org.techroute.data.model.Problem;
import org.techroute.data.model.Violation;
import org.techroute.data.plan.PlanBuilder;
import org.techroute.data.solve.Planner;
import org.techroute.data.validation.InvalidProblemException;
import org.techroute.solver.domain.RoutePlan;

/**
 * Live-change versions: puts a change into a {@link SolverRun} without restarting it.
 * <p>
 * First, under the run's lock, the change is checked against the newest known plan (the newest best solution, or
 * the projection of the changes still on their way): the change or its mapping failing here means nothing was
 * changed. A run still waiting for a slot then simply starts from the changed plan. A running solver gets a problem
 * change that, when the solver takes it (Timefold first resets its working solution to its best solution),
 * describes the working solution, applies the change to that document (so visits started before {@code now} are
 * pinned where the solver has them), maps and stores it, and puts it into the working solution; if that fails the
 * solver is left as it was and the change's track and future say why. From then on, best solutions are described
 * and saved against the changed plan. Changes that arrive before the solver picks them up are applied in order, in
 * one solver restart (Timefold's batching).
 */
final class LiveChanges {

    private static final Logger LOG = LoggerFactory.getLogger(LiveChanges.class);

    private final PlanRepository repository;
    private final Planner planner;
    private final ChangeTracks tracks;
    private final RunClaims claims;
    /** This instance's name in plan claims: a changed plan is stored only while this instance holds it. */
    private final String instanceId;

    LiveChanges(PlanRepository repository, RunClaims claims, Planner planner, ChangeTracks tracks,
            String instanceId) {
        this.repository = repository;
        this.claims = claims;
        this.planner = planner;
        this.tracks = tracks;
        this.instanceId = instanceId;
    }

    /**
     * A change put into a run: the run, the change's track (its state, the version it was applied to) and the
     * first best solution after it (completed exceptionally with {@link InvalidProblemException} when the change
     * could not be applied to the solver's routes, or {@link ChangeNotApplied} when the run ended first).
     */
    public record LiveChange(int run, ChangeTrack track, CompletableFuture<Problem> firstBest) {
    }

    /** The run ended before its solver took a change: nothing was changed. */
    public static final class ChangeNotApplied extends RuntimeException {
        ChangeNotApplied(String message) {
            super(message);
        }
    }

    /**
     * Puts {@code change} (a function from a plan document to the changed one) into a run; null when the run
     * cannot take it (stopping or ended, or another instance holds the plan now). Throws (nothing changed) when the
     * change does not apply to the newest known plan.
     */
    LiveChange put(SolverRun run, UnaryOperator<Problem> change) {
        // an instance whose claim was taken over (it paused too long) takes no change: at once here, or, should
        // the claim be taken between this check and the solver taking the change, when the change is stored
        if (claims.claimOf(run.planId).map(claim -> claim.owner() != null && !claim.owner().equals(instanceId))
                .orElse(true)) {
            return null;
        }
        synchronized (run.lock) {
            if (run.finished || run.stopRequested) {
                return null;
            }
            Problem newest = newestKnown(run);
            Problem projected = change.apply(newest);
            MappedProblem projectedTarget = planner.prepare(projected);
            ChangeTrack track = tracks.add(run.planId, "LIVE", run.run);
            int version = ++run.version;
            CompletableFuture<Problem> firstBest = new CompletableFuture<>();
            run.waiters.add(new SolverRun.Waiter(version, firstBest, track));
            run.tracks.add(new SolverRun.Tracked(version, track));
            Solver<RoutePlan> solver = run.solver;
            if (solver == null) {
                // not started yet: it will solve the changed plan from the start; newest is what it would start from
                try {
                    store(run, projected);
                } catch (ChangeNotApplied e) {
                    notApplied(run, track, version, e);
                    return new LiveChange(run.run, track, firstBest);
                }
                run.latest = projected;
                run.target = projectedTarget;
                run.applied = projectedTarget;
                run.appliedVersion = version;
                track.applied(newest, projected);
            } else {
                run.latest = projected;
                run.unapplied++;
                solver.addProblemChanges(List.of(new VersionedChange(run, track, version, change)));
            }
            return new LiveChange(run.run, track, firstBest);
        }
    }

    /**
     * The newest plan document a run knows, under its lock: the newest best solution (described without score
     * analysis) when no change is on its way to the solver, else the last change's projection (or the last saved
     * best).
     */
    private static Problem newestKnown(SolverRun run) {
        SolverRun.Best newest = run.newest;
        if (run.unapplied == 0 && newest != null && newest.mapped() == run.target) {
            return routesOf(newest.mapped(), newest.plan());
        }
        return run.latest;
    }

    /** A plan document of a model as it stands, with routes and steps but without the score analysis. */
    static Problem routesOf(MappedProblem mapped, RoutePlan plan) {
        return mapped.problem().withSolution(PlanBuilder.build(mapped, plan, null).withConstraints(null));
    }

    /**
     * Stores a changed plan of a run under way: its problem (without solution) and plan documents. Throws
     * {@link ChangeNotApplied} (nothing stored) when the plan is no longer under way here: stopped meanwhile, or
     * taken over by another instance while this one was too slow to renew its claim.
     */
    private void store(SolverRun run, Problem changed) {
        if (!repository.updateLiveDocuments(run.planId, ProblemJson.write(changed.withSolution(null)),
                ProblemJson.write(changed), PlanRuns.UNDER_WAY_HERE, OffsetDateTime.now(java.time.ZoneOffset.UTC),
                instanceId)) {
            throw new ChangeNotApplied("plan '" + run.planId + "' is no longer being solved here (it was stopped, or"
                    + " another instance took it over); nothing was changed: send it again");
        }
    }

    /** A change that did not go in (under the lock): its track and waiter say why; nothing was changed. */
    static void notApplied(SolverRun run, ChangeTrack track, int changeVersion, RuntimeException cause) {
        List<Violation> violations = cause instanceof InvalidProblemException invalid ? invalid.violations()
                : List.of();
        String reason = cause instanceof InvalidProblemException
                ? "the change cannot be applied to the routes the solver is working on; nothing was changed"
                : cause instanceof ChangeNotApplied ? cause.getMessage()
                        : "the change could not be applied (see the service log); nothing was changed";
        track.failed(reason, violations);
        for (SolverRun.Waiter waiter : run.waiters) {
            if (waiter.version() == changeVersion && waiter.track() == track) {
                run.waiters.remove(waiter);
                waiter.future().completeExceptionally(cause instanceof InvalidProblemException
                        || cause instanceof ChangeNotApplied ? cause
                                : new ChangeNotApplied(reason));
            }
        }
    }

    /** Changes the solver never took (the run ended first): nothing of them was stored. */
    static void refuseQueued(SolverRun run) {
        for (SolverRun.Waiter waiter : run.waiters) {
            if (waiter.track() != null && waiter.track().state() == ChangeTrack.State.QUEUED) {
                notApplied(run, waiter.track(), waiter.version(), new ChangeNotApplied("the run ended"
                        + " before the solver took the change; nothing was changed: send it again"));
            }
        }
    }

    /** A change that is applied to the routes the solver is working on, when the solver takes it. */
    private final class VersionedChange implements ProblemChange<RoutePlan> {
        private final SolverRun run;
        private final ChangeTrack track;
        private final int version;
        private final UnaryOperator<Problem> change;

        VersionedChange(SolverRun run, ChangeTrack track, int version, UnaryOperator<Problem> change) {
            this.run = run;
            this.track = track;
            this.version = version;
            this.change = change;
        }

        @Override
        public void doChange(RoutePlan working, ProblemChangeDirector director) {
            MappedProblem target;
            synchronized (run.lock) {
                run.unapplied--;
                Problem basedOn = null;
                Problem changed;
                try {
                    // the working solution is the solver's best solution at this point (Timefold resets it first)
                    basedOn = routesOf(run.applied, working);
                    changed = change.apply(basedOn);
                    target = planner.prepare(changed);
                    store(run, changed);
                } catch (RuntimeException e) {
                    if (e instanceof ChangeNotApplied) {
                        LOG.info("live change to plan {} not applied: {}", run.planId, e.getMessage());
                    } else if (!(e instanceof InvalidProblemException)) {
                        LOG.warn("live change to plan {} could not be applied to the running solver", run.planId, e);
                    }
                    if (basedOn != null && run.unapplied == 0) {
                        run.latest = basedOn;
                    }
                    notApplied(run, track, version, e);
                    return; // the solver is left as it was
                }
                if (run.unapplied == 0) {
                    run.latest = changed;
                }
                run.target = target;
                run.applied = target;
                run.appliedVersion = version;
                track.applied(basedOn, changed);
            }
            new LiveProblemChange(target).doChange(working, director);
        }
    }
}
