package org.techroute.api.plans;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.solver.Solver;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.api.solver.event.BestSolutionChangedEvent;
import ai.timefold.solver.core.config.solver.SolverConfig;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.techroute.data.mapping.MappedProblem;
import org.techroute.data.model.Problem;
import org.techroute.data.model.Solution;
import org.techroute.data.solve.Planner;
import org.techroute.solver.config.ConstructedBests;
import org.techroute.solver.domain.RoutePlan;

/**
 * One run of a plan in this instance: what its solver thread, the saver and live changes share (under
 * {@link #lock}), and the solving itself. Every status change goes through its owner, {@link PlanRuns}.
 * <p>
 * Versions: each live change put into the run gets the next {@link #version}; {@link #target} is the newest plan
 * (what best solutions are saved against), {@link #applied} the plan the solver works on (the target once it took
 * the last change). A best solution of an older plan is never saved.
 */
final class SolverRun implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(SolverRun.class);

    final String planId;
    final int run;
    final SolverConfig config;
    final SolverFactory<RoutePlan> factory;
    /** Search threads (see {@link RunSolvers}), as many slots as it takes in {@link SolverSlots}. */
    final int threads;
    final SolverSlots.Reservation reservation;
    final SolverSlots.Priority priority;
    final Object lock = new Object();
    final AtomicReference<Best> pending = new AtomicReference<>();
    final CompletableFuture<Void> done = new CompletableFuture<>();
    final List<Waiter> waiters = new CopyOnWriteArrayList<>();
    final List<Tracked> tracks = new CopyOnWriteArrayList<>();
    private final PlanRuns owner;
    /** The newest plan: what live changes are applied to and best solutions are saved against. */
    volatile MappedProblem target;
    /** The plan the solver works on now (target once it took the last change). */
    volatile MappedProblem applied;
    volatile int version;
    volatile int appliedVersion;
    /** The newest document: the last saved best, or the last change (projected while changes are on their way). */
    volatile Problem latest;
    /** The newest best solution. */
    volatile Best newest;
    /** Live changes given to the solver that it has not taken yet (under the lock). */
    int unapplied;
    volatile PlanStatus status = PlanStatus.QUEUED;
    volatile boolean stopRequested;
    volatile String stopReason;
    volatile Solver<RoutePlan> solver;
    volatile String bestScore;
    volatile boolean feasible;
    volatile OffsetDateTime bestAt;
    /** Set once, under the lock, by the owner when the run ends (before its last plan is saved). */
    volatile boolean finished;

    /** The first best solution of the run, as a plan document (cancelled when the run ends without one). */
    final CompletableFuture<Problem> firstBest = new CompletableFuture<>();

    /** A run of {@code mapped}; {@code change} (optional, already applied) is the change request it re-plans. */
    SolverRun(PlanRuns owner, String planId, int run, MappedProblem mapped, SolverSlots.Reservation reservation,
            SolverSlots.Priority priority, ChangeTrack change) {
        this.owner = owner;
        this.planId = planId;
        this.run = run;
        this.priority = priority;
        this.target = mapped;
        this.applied = mapped;
        this.latest = mapped.problem();
        this.config = RunSolvers.config(mapped);
        this.factory = SolverFactory.create(config);
        this.threads = owner.slots().slotsFor(mapped.problem().optionsOrDefaults().effectiveSearchThreads());
        this.reservation = reservation;
        waiters.add(new Waiter(0, firstBest, change));
        if (change != null) {
            tracks.add(new Tracked(0, change));
        }
    }

    /** A waiter for the first best solution of version {@code version} or later (with the change it follows). */
    record Waiter(int version, CompletableFuture<Problem> future, ChangeTrack track) {
    }

    /** A best solution, the plan (problem) it is a solution of, and that plan's change version. */
    record Best(RoutePlan plan, MappedProblem mapped, int version) {
    }

    /** A change this run re-plans, with its version. */
    record Tracked(int version, ChangeTrack track) {
    }

    /** What a run knows right now. */
    PlanRuns.Live live() {
        return new PlanRuns.Live(status, run, bestScore, bestScore == null ? null : feasible, bestAt);
    }

    /** On a solver thread: solves until the limit or a stop, then hands the result to the owner. */
    @Override
    public void run() {
        if (stopRequested) {
            owner.finish(this, PlanStatus.STOPPED, stopReason, null);
            return;
        }
        if (!owner.beginSolving(this)) {
            return;
        }
        try {
            Solver<RoutePlan> built = RunSolvers.build(factory, config, planId, threads);
            long started = System.nanoTime();
            // best solutions of built plans only: not the starting plan after a change, before anything is placed
            ConstructedBests.listen(built, config, event -> onBest(built, event, started));
            RoutePlan problem;
            synchronized (lock) {
                solver = built;
                problem = target.plan();
                applied = target;
                appliedVersion = version;
            }
            if (stopRequested) {
                built.terminateEarly();
            }
            RoutePlan best = built.solve(problem);
            owner.finish(this, stopRequested ? PlanStatus.STOPPED : PlanStatus.SOLVED,
                    stopRequested ? stopReason : null, best);
        } catch (RuntimeException | Error e) {
            LOG.warn("solving plan {} failed", planId, e);
            owner.finish(this, PlanStatus.FAILED, "solving failed (the error is in the service log)", null);
        }
    }

    /** Asks the run to stop: after its current step, or at once when it has not started. */
    void requestStop(String reason) {
        stopReason = reason;
        stopRequested = true;
        Solver<RoutePlan> current = solver;
        if (current != null) {
            current.terminateEarly();
        }
    }

    private void onBest(Solver<RoutePlan> from, BestSolutionChangedEvent<RoutePlan> event, long started) {
        RoutePlan plan = event.getNewBestSolution();
        HardMediumSoftLongScore score = plan.getScore();
        MappedProblem mapped = applied;
        Best best = new Best(plan, mapped, appliedVersion);
        pending.set(best);
        newest = best;
        List<Waiter> due = new ArrayList<>();
        for (Waiter waiter : waiters) {
            if (waiter.version() <= best.version()) {
                due.add(waiter);
            }
        }
        if (!due.isEmpty()) {
            waiters.removeAll(due);
            try {
                Problem document;
                synchronized (lock) {
                    document = Planner.describe(mapped, plan, factory);
                }
                due.forEach(w -> {
                    if (w.track() != null) {
                        w.track().firstBest(document.solution());
                    }
                    w.future().complete(document);
                });
            } catch (RuntimeException e) {
                due.forEach(w -> w.future().completeExceptionally(e));
            }
        }
        if (score != null) {
            bestScore = score.toString();
            feasible = score.isFeasible();
            bestAt = owner.now();
            owner.announceBest(this, score, (System.nanoTime() - started) / 1_000_000);
        }
        if (stopRequested) {
            // solve() clears a stop asked for just before it started; ask again
            from.terminateEarly();
        }
    }

    /** Tells the changes this run re-plans (those of version {@code version} or before) about a saved best. */
    void follow(int upTo, Solution solution, boolean last, OffsetDateTime at) {
        for (Tracked tracked : tracks) {
            if (tracked.version() <= upTo) {
                tracked.track().best(solution, at, last);
            } else if (last) {
                tracked.track().runEnded();
            }
        }
    }

    /** The run could not start solving here (under the lock, once): it ends without a status change. */
    boolean abandon() {
        synchronized (lock) {
            if (finished) {
                return false;
            }
            finished = true;
            status = PlanStatus.STOPPED;
        }
        follow(appliedVersion, null, true, owner.now());
        return true;
    }

    /** Saves the newest unsaved best solution, unless it is one of the plan before a change not yet in the solver. */
    void saveNewestBest() {
        Best best = pending.getAndSet(null);
        if (best == null) {
            return;
        }
        synchronized (lock) {
            if (!finished && best.mapped() == target) {
                Problem document = describe(best);
                if (owner.saveBest(this, document)) {
                    if (unapplied == 0) {
                        latest = document;
                    }
                    follow(best.version(), document.solution(), false, owner.now());
                }
            }
        }
    }

    /** A best solution as a plan document, with the score analysis. */
    Problem describe(Best best) {
        return Planner.describe(best.mapped(), best.plan(), factory);
    }

    /** Waits (bounded) until the run has ended and saved its last plan; false on timeout. */
    boolean awaitEnd(Duration timeout) {
        try {
            done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            return true;
        }
    }

    /**
     * At the end, under the lock: the final plan document (the solver's last best, or the last unsaved one; null
     * when there is none of the newest plan, or it cannot be described), with the changes this run re-plans told.
     */
    Problem closeOut(RoutePlan best) {
        Best pendingBest = pending.getAndSet(null);
        Best last = best != null ? new Best(best, applied, appliedVersion) : pendingBest;
        Problem document = null;
        if (last != null && last.mapped() == target) {
            try {
                document = describe(last);
            } catch (RuntimeException e) {
                LOG.warn("cannot describe the final plan of {}", planId, e);
            }
        }
        LiveChanges.refuseQueued(this);
        follow(last == null ? appliedVersion : last.version(), document == null ? null : document.solution(), true,
                owner.now());
        return document;
    }

    /** After the run ended: its waiters get nothing more, and whoever waits for the end is let go. */
    void release() {
        reservation.release();
        waiters.forEach(w -> w.future().cancel(false));
        done.complete(null);
    }
}
