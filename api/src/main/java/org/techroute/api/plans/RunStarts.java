package org.techroute.api.plans;

import java.util.EnumSet;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.techroute.api.errors.ApiException;
import org.techroute.data.json.ProblemJson;
import org.techroute.data.mapping.MappedProblem;
import org.techroute.data.model.Problem;
import org.techroute.data.solve.Planner;

/**
 * The start half of {@link PlanRuns}: the one start sequence (reserve a place, move the plan to QUEUED, queue its
 * run, or give the place back) and its entries: a new plan, a new run of a finished plan, a QUEUED plan this
 * instance claimed, a run left unfinished that is resumed. The run itself, once queued, belongs to {@code PlanRuns}.
 */
final class RunStarts {

    private static final Logger LOG = LoggerFactory.getLogger(RunStarts.class);

    private final PlanRuns owner;
    private final PlanRepository repository;
    private final RunClaims claims;
    private final Planner planner;
    private final SolverSlots slots;
    private final ClusterLease lease;

    RunStarts(PlanRuns owner, PlanRepository repository, RunClaims claims, Planner planner, SolverSlots slots,
            ClusterLease lease) {
        this.owner = owner;
        this.repository = repository;
        this.claims = claims;
        this.planner = planner;
        this.slots = slots;
        this.lease = lease;
    }

    /**
     * The one start sequence: reserve a place (429 when full), move the plan to QUEUED ({@code toQueued} writes the
     * status and claim and maps the plan; it throws to give up), queue its run; the place is given back when anything
     * fails. The future gets the run's first best solution as a plan document. A run takes as many places as
     * {@code document} asks for search threads (see {@link SolverSlots}).
     */
    CompletableFuture<Problem> start(Problem document, String planId, int run, SolverSlots.Priority priority,
            ChangeTrack change, Supplier<MappedProblem> toQueued) {
        return start(slots.reserve(document.optionsOrDefaults().effectiveSearchThreads()), planId, run, priority,
                change, toQueued);
    }

    private CompletableFuture<Problem> start(SolverSlots.Reservation reservation, String planId, int run,
            SolverSlots.Priority priority, ChangeTrack change, Supplier<MappedProblem> toQueued) {
        boolean queued = false;
        try {
            MappedProblem mapped = toQueued.get();
            SolverRun solverRun = new SolverRun(owner, planId, run, mapped, reservation,
                    priority != null ? priority : SolverSlots.Priority.of(mapped.problem()), change);
            owner.queued(solverRun);
            queued = true;
            return solverRun.firstBest;
        } finally {
            if (!queued) {
                reservation.release();
            }
        }
    }

    /** A new plan: stored VALIDATING (held by this instance), mapped, QUEUED; deleted if it cannot be mapped. */
    PlanRecord submit(PlanRecord plan, Problem problem) {
        start(problem, plan.id(), 1, null, null, () -> {
            repository.insert(plan, lease.instanceId(), lease.until());
            MappedProblem mapped;
            try {
                mapped = planner.prepare(problem);
            } catch (RuntimeException e) {
                repository.delete(plan.id());
                throw e;
            }
            if (!repository.updateStatus(plan.id(), EnumSet.of(PlanStatus.VALIDATING), PlanStatus.QUEUED, null,
                    lease.now())) {
                throw ApiException.conflict("the plan was deleted while it was validated");
            }
            return mapped;
        });
        return plan;
    }

    /**
     * A new run (run + 1) of a finished plan from {@code document}; {@code changed} (optional) also replaces the
     * stored documents in the same write.
     */
    CompletableFuture<Problem> newRun(PlanRecord finished, Problem document, boolean changed,
            SolverSlots.Priority priority, ChangeTrack change) {
        int run = finished.runNumber() + 1;
        return start(document, finished.id(), run, priority, change, () -> {
            MappedProblem mapped = planner.prepare(document);
            if (!repository.startRun(finished.id(), PlanRuns.FINISHED, run,
                    changed ? ProblemJson.write(document.withSolution(null)) : null,
                    changed ? ProblemJson.write(document) : null, lease.instanceId(), lease.until(), lease.now())) {
                throw ApiException.conflict("plan '" + finished.id() + "' changed meanwhile; try again");
            }
            return mapped;
        });
    }

    // ---- recovery (see RunRecovery): runs of a dead process or instance, plans waiting for any instance ----

    /** A free slot or queue place, or empty (never 429): for runs this instance picks up by itself. */
    Optional<SolverSlots.Reservation> room() {
        return slots.tryReserve();
    }

    /** Solves a QUEUED plan this instance just claimed (in its run). */
    void startClaimed(SolverSlots.Reservation room, PlanRecord claimed) {
        startLeftOver(room, claimed, claimed.runNumber(), () -> true);
    }

    /** A run left unfinished, solved again from its last saved plan in a new run; false when it was not moved. */
    boolean resume(SolverSlots.Reservation room, PlanRecord record, boolean anyClaim) {
        int run = record.runNumber() + 1;
        return startLeftOver(room, record, run, () -> claims.restartRun(record.id(), run, lease.instanceId(),
                lease.until(), lease.now(), anyClaim));
    }

    private boolean startLeftOver(SolverSlots.Reservation room, PlanRecord record, int run,
            BooleanSupplier toQueued) {
        if (owner.has(record.id()) || !toQueued.getAsBoolean()) {
            room.release();
            return false;
        }
        try {
            // read again now that the claim is this instance's: a live change the old holder stored between the
            // first read and the claim is in it, and the old holder can store none after the claim
            PlanRecord claimed = repository.findById(record.id()).orElse(record);
            Problem document = ProblemJson.read(claimed.document());
            start(room, record.id(), run, null, null, () -> planner.prepare(document));
        } catch (Exception e) {
            room.release();
            LOG.warn("plan {} cannot be solved again", record.id(), e);
            repository.finish(record.id(), EnumSet.of(PlanStatus.QUEUED), PlanStatus.FAILED, "the stored plan"
                    + " cannot be solved again: " + RunRecovery.reasonOf(e), null, lease.now(), lease.instanceId());
        }
        return true;
    }

    /** Marks a run left unfinished STOPPED; false when it was not (any more). */
    boolean stopLeftOver(String planId, String reason, boolean anyClaim) {
        return claims.stopOrphan(planId, reason, lease.now(), anyClaim);
    }
}
