package org.techroute.api.plans;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.databind.ObjectMapper;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.techroute.api.config.TechrouteProperties;
import org.techroute.api.errors.ApiException;
import org.techroute.data.model.Problem;
import org.techroute.data.solve.Planner;
import org.techroute.solver.domain.RoutePlan;

/**
 * The owner of a plan's runs: the only code that moves a run through its statuses ({@link PlanStatus}), starts,
 * saves, finishes, recovers and announces runs (status and best-score events). A run is queued on the
 * {@link SolverSlots}, solved by a {@link SolverRun} and takes live changes through {@link LiveChanges}. New best
 * solutions are saved at most once per {@code techroute.solver.save-interval} ({@link BestSaver}), plus the final
 * one. On shutdown, running runs are stopped early and their best plans saved as STOPPED.
 */
@Component
public class PlanRuns {

    private static final Logger LOG = LoggerFactory.getLogger(PlanRuns.class);
    /** How long a request waits for a run of its plan that is ending (see {@link #awaitEnding}). */
    private static final Duration ENDING_WAIT = Duration.ofSeconds(30);
    /** A run under way at an instance: waiting for a slot or solving. */
    static final Set<PlanStatus> UNDER_WAY_HERE = EnumSet.of(PlanStatus.QUEUED, PlanStatus.SOLVING);
    static final Set<PlanStatus> FINISHED = EnumSet.of(PlanStatus.SOLVED, PlanStatus.STOPPED, PlanStatus.FAILED);

    private final PlanRepository repository;
    private final RunClaims claims;
    private final PlanEvents events;
    private final ObjectMapper mapper;
    private final TechrouteProperties.Solver settings;
    private final SolverSlots slots;
    private final ClusterLease lease;
    private final ChangeTracks tracks = new ChangeTracks();
    private final LiveChanges liveChanges;
    private final BestSaver saver;
    private final Map<String, SolverRun> runs = new ConcurrentHashMap<>();
    private final RunStarts starts;

    public PlanRuns(PlanRepository repository, RunClaims claims, PlanEvents events, Planner planner,
            ObjectMapper mapper, TechrouteProperties properties, MeterRegistry meters) {
        this.repository = repository;
        this.claims = claims;
        this.events = events;
        this.mapper = mapper;
        this.settings = properties.solver();
        this.slots = new SolverSlots(settings, meters);
        this.lease = new ClusterLease(properties.cluster(), claims);
        this.liveChanges = new LiveChanges(repository, claims, planner, tracks, lease.instanceId());
        this.saver = new BestSaver(settings.saveInterval(), lease, runs::values);
        this.starts = new RunStarts(this, repository, claims, planner, slots, lease);
    }

    /** Told when a run ended here, after its final status and plan were saved (on the run's thread). */
    public interface RunEnded {
        void ended(String planId, int run, PlanStatus status, String reason);
    }

    private final List<RunEnded> endListeners = new CopyOnWriteArrayList<>();

    /** Adds a listener for the end of every run solved here (nightly reports, webhooks). */
    public void onRunEnded(RunEnded listener) {
        endListeners.add(listener);
    }

    /** What a run knows right now (fresher than the database). */
    public record Live(PlanStatus status, int run, String score, Boolean feasible, OffsetDateTime bestAt) {
    }

    public ClusterLease lease() {
        return lease;
    }

    /** Whether a plan has a run (queued or solving) in this instance. */
    public boolean has(String planId) {
        return runs.containsKey(planId);
    }

    /**
     * Waits (bounded, 30 s) until a run of the plan that is ending here (its last plan being saved) is gone; 409
     * when it takes longer. A run shows its final status a moment before it is gone: what follows it (a change to a
     * plan just SOLVED, a new run) must not take it for a run still solving, nor have its end announced after it.
     */
    public void awaitEnding(String planId) {
        SolverRun run = runs.get(planId);
        if (run != null && run.finished && !run.awaitEnd(ENDING_WAIT)) {
            throw ApiException.conflict("plan '" + planId + "' is still saving the end of its run; try again");
        }
    }

    /** What a plan's run knows right now: its run here, else (cluster mode) the last event of its instance. */
    public Optional<Live> live(String planId) {
        SolverRun run = runs.get(planId);
        return run != null ? Optional.of(run.live()) : events.remoteLive(planId);
    }

    ChangeTracks tracks() {
        return tracks;
    }

    SolverSlots slots() {
        return slots;
    }

    // ---- starting runs (RunStarts): every path reserves a place, moves the status to QUEUED and queues ----

    /** A new plan: stored VALIDATING (held by this instance), mapped, QUEUED; deleted if it cannot be mapped. */
    public PlanRecord submit(PlanRecord plan, Problem problem) {
        return starts.submit(plan, problem);
    }

    /**
     * A new run (run + 1) of a finished plan from {@code document}; {@code changed} (optional) also replaces the
     * stored documents in the same write.
     */
    public CompletableFuture<Problem> newRun(PlanRecord finished, Problem document, boolean changed,
            SolverSlots.Priority priority, ChangeTrack change) {
        awaitEnding(finished.id());
        return starts.newRun(finished, document, changed, priority, change);
    }

    RunStarts starts() {
        return starts;
    }

    /** Puts a change into a plan's run here; empty when it has none that can take it (none, stopping, ended). */
    public Optional<LiveChanges.LiveChange> changeLive(String planId, UnaryOperator<Problem> change) {
        SolverRun run = runs.get(planId);
        return run == null ? Optional.empty() : Optional.ofNullable(liveChanges.put(run, change));
    }

    /** A queued run, registered and announced (by {@link RunStarts}); false when the slots are shut down. */
    void queued(SolverRun run) {
        runs.put(run.planId, run);
        announce(run, PlanStatus.QUEUED, null);
        if (!slots.execute(run, run.priority, run.threads)) {
            finish(run, PlanStatus.STOPPED, "the service is shutting down", null);
        }
    }

    // ---- stopping and ending ----

    /**
     * Stops a plan's run early, keeping its best plan: a waiting run ends at once, a running one after its current
     * step. A plan marked under way without a run here (another instance's, or left over) is marked STOPPED.
     */
    public void stop(PlanRecord plan, String reason) {
        if (!stop(plan.id(), reason) && plan.status().isActive()) {
            repository.updateStatus(plan.id(), EnumSet.of(plan.status()), PlanStatus.STOPPED, reason, now());
        }
    }

    /** Asks a plan's run here to stop; false when it has none. */
    boolean stop(String planId, String reason) {
        SolverRun run = runs.get(planId);
        if (run == null) {
            return false;
        }
        run.requestStop(reason);
        if (slots.remove(run)) {
            finish(run, PlanStatus.STOPPED, reason, null);
        }
        return true;
    }

    /** Waits (bounded) until a plan's run here, if it has one, has ended and saved its last plan. */
    public boolean awaitEnd(String planId, Duration timeout) {
        SolverRun run = runs.get(planId);
        return run == null || run.awaitEnd(timeout);
    }

    /** A plan was deleted: its run stopped, its changes and event streams forgotten. */
    public void deleted(String planId) {
        tracks.forget(planId);
        events.complete(planId);
    }

    /** QUEUED to SOLVING, on the run's thread; false (the run abandoned) when the plan changed or was taken. */
    boolean beginSolving(SolverRun run) {
        if (!claims.startSolving(run.planId, lease.instanceId(), lease.until(), now())) {
            if (run.abandon()) {
                claims.release(run.planId, lease.instanceId());
                LOG.info("plan {} not solved here: the plan changed, or another instance took it, before solving"
                        + " started", run.planId);
                ended(run);
                events.complete(run.planId);
            }
            return false;
        }
        run.status = PlanStatus.SOLVING;
        announce(run, PlanStatus.SOLVING, null);
        return true;
    }

    /** Ends a run: its final status and best plan saved, the changes it re-plans told, the end announced. */
    void finish(SolverRun run, PlanStatus status, String reason, RoutePlan best) {
        synchronized (run.lock) {
            if (run.finished) {
                return;
            }
            run.finished = true;
            try {
                Problem last = run.closeOut(best);
                PlanRepository.BestPlan saved = last == null ? null : PlanRepository.BestPlan.of(last, mapper, now());
                if (!repository.finish(run.planId, UNDER_WAY_HERE, status, reason, saved, now(),
                        lease.instanceId())) {
                    // stopped or taken meanwhile (e.g. through another instance): give the claim back anyway
                    claims.release(run.planId, lease.instanceId());
                }
            } catch (RuntimeException e) {
                LOG.warn("cannot save the end of the run of {}", run.planId, e);
            }
            run.status = status;
        }
        ended(run);
        announce(run, status, reason);
        events.complete(run.planId);
        for (RunEnded listener : endListeners) {
            try {
                listener.ended(run.planId, run.run, status, reason);
            } catch (RuntimeException e) {
                LOG.warn("a listener of the end of the run of {} failed", run.planId, e);
            }
        }
    }

    private void ended(SolverRun run) {
        runs.remove(run.planId, run);
        run.release();
    }

    /** Saves a best plan document of a run that is SOLVING here; false when it is not (any more). */
    boolean saveBest(SolverRun run, Problem document) {
        return repository.saveBest(run.planId, PlanRepository.BestPlan.of(document, mapper, now()),
                EnumSet.of(PlanStatus.SOLVING), lease.instanceId());
    }

    void announceBest(SolverRun run, HardMediumSoftLongScore score, long elapsedMillis) {
        events.bestScore(run.planId, new SolverEvents.BestScore(score.toString(), score.isFeasible(), elapsedMillis),
                run.live());
    }

    private void announce(SolverRun run, PlanStatus status, String reason) {
        Boolean feasible = run.bestScore == null ? null : run.feasible;
        events.status(run.planId, new SolverEvents.Status(run.planId, status, run.run, reason, run.bestScore,
                feasible), new Live(status, run.run, run.bestScore, feasible, run.bestAt));
    }

    OffsetDateTime now() {
        return lease.now();
    }

    @PreDestroy
    void shutdown() throws InterruptedException {
        slots.close();
        saver.close();
        for (String planId : runs.keySet()) {
            stop(planId, "the service shut down");
        }
        slots.shutdown(settings.shutdownGrace());
    }
}
