package org.techroute.api.plans;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import org.springframework.stereotype.Service;
import org.techroute.api.config.TechrouteProperties;
import org.techroute.api.errors.ApiException;
import org.techroute.data.changes.ChangeApplier;
import org.techroute.data.changes.LiveProblemChange;
import org.techroute.data.changes.PlanChangeRequest;
import org.techroute.data.changes.PlanDiff;
import org.techroute.data.model.Problem;
import org.techroute.data.validation.InvalidProblemException;

/**
 * Change requests of a plan ({@code POST /api/plans/{id}/changes}) and what became of them. Invalid changes get 422
 * and change nothing. A plan being solved here takes them without restarting when it can
 * ({@link LiveProblemChange#canApplyLive}, {@link LiveChanges}); otherwise its run is stopped and a new run solves
 * the changed plan. A plan that is not being solved gets a new run from the changed plan, at the priority of the
 * day in progress. Either way the answer waits (bounded) for the first best solution of the changed plan.
 */
@Service
public class PlanChanges {

    private final PlanService plans;
    private final PlanRuns runs;
    private final Duration changeWait;
    private final Object[] planLocks = new Object[64];

    public PlanChanges(PlanService plans, PlanRuns runs, TechrouteProperties properties) {
        this.plans = plans;
        this.runs = runs;
        this.changeWait = properties.changes().responseWait();
        for (int i = 0; i < planLocks.length; i++) {
            planLocks[i] = new Object();
        }
    }

    /**
     * What a change request did.
     *
     * @param mode        {@code LIVE}: put into the running solver (same run); {@code RESTARTED}: the run was
     *                    stopped and a new one started from the changed plan (cancellations, removed shifts);
     *                    {@code NEW_RUN}: the plan was not being solved, a new run started from the changed plan
     * @param pending     true when no best solution of the changed plan came within {@code techroute.changes.wait}:
     *                    follow {@code GET .../changes/{changeId}}; {@code diff} is then absent
     * @param diff        what moved between {@code basedOn} and the first best solution after the change
     * @param changeId    the change, for {@code GET /api/plans/{id}/changes/{changeId}} (the diff against the
     *                    re-plan's newest and final best solutions)
     * @param provisional true: {@code diff} describes the first best solution only; the solver goes on
     * @param basedOn     the plan version the change was applied to, with the started visits it pinned (absent
     *                    while the solver has not taken the change yet)
     */
    @JsonPropertyOrder({ "planId", "changeId", "mode", "run", "pending", "provisional", "basedOn", "diff" })
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ChangeResult(String planId, String mode, int run, boolean pending, PlanDiff diff, String changeId,
            boolean provisional, ChangeTrack.BasedOn basedOn) {

        public ChangeResult(String planId, String mode, int run, boolean pending, PlanDiff diff) {
            this(planId, mode, run, pending, diff, null, diff != null, null);
        }
    }

    /** Applies a change request to a plan (see the class comment). */
    public ChangeResult change(String id, PlanChangeRequest request) {
        synchronized (planLocks[Math.floorMod(id.hashCode(), planLocks.length)]) {
            runs.awaitEnding(id);
            PlanService.StoredPlan plan = plans.stored(id);
            // 422 before anything is stopped or stored
            ChangeApplier.apply(plan.document(), request);
            String mode = "NEW_RUN";
            if (runs.has(id)) {
                if (LiveProblemChange.canApplyLive(request, plan.document())) {
                    Optional<LiveChanges.LiveChange> live = runs.changeLive(id,
                            base -> ChangeApplier.apply(base, request));
                    if (live.isPresent()) {
                        Optional<ChangeResult> answer = await(id, "LIVE", live.get().run(), live.get().track(),
                                live.get().firstBest());
                        if (answer.isPresent()) {
                            return answer.get();
                        }
                        // the run ended before its solver took the change: nothing was changed; a new run takes it
                    }
                }
                runs.stop(id, "re-planning after a change that cannot go into the running solver");
                if (!runs.awaitEnd(id, Duration.ofSeconds(30))) {
                    throw ApiException.conflict("plan '" + id + "' did not stop in time for the change; try again");
                }
                mode = "RESTARTED";
                plan = plans.stored(id);
            }
            PlanRecord record = plan.record();
            if (record.status().isActive()) {
                throw ApiException.conflict("plan '" + id + "' is " + record.status() + " (validating, or being"
                        + " solved by another instance); try again");
            }
            Problem changed = ChangeApplier.apply(plan.document(), request);
            String newRunMode = mode;
            int run = record.runNumber() + 1;
            ChangeTrack track = runs.tracks().add(id, newRunMode, run);
            track.applied(plan.document(), changed);
            CompletableFuture<Problem> first = runs.newRun(record, changed, true,
                    SolverSlots.Priority.DAY_IN_PROGRESS, track);
            return await(id, newRunMode, run, track, first).orElseGet(() -> pending(id, newRunMode, run, track));
        }
    }

    /**
     * The answer once the first best solution after the change came (bounded wait), or pending; empty when the run
     * ended before its solver took the change. A change the solver could not apply to its routes is a 422.
     */
    private Optional<ChangeResult> await(String id, String mode, int run, ChangeTrack track,
            CompletableFuture<Problem> first) {
        try {
            Problem after = first.get(changeWait.toMillis(), TimeUnit.MILLISECONDS);
            return Optional.of(new ChangeResult(id, mode, run, false, PlanDiff.between(track.before(),
                    after.solution()), track.id(), true, track.basedOn()));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof InvalidProblemException invalid) {
                throw invalid;
            }
            if (e.getCause() instanceof LiveChanges.ChangeNotApplied) {
                return Optional.empty();
            }
            return Optional.of(pending(id, mode, run, track));
        } catch (TimeoutException | CancellationException e) {
            return Optional.of(pending(id, mode, run, track));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of(pending(id, mode, run, track));
        }
    }

    private static ChangeResult pending(String id, String mode, int run, ChangeTrack track) {
        return new ChangeResult(id, mode, run, true, null, track.id(), true, track.basedOn());
    }

    /** A change as it stands now: the diff between the version it was applied to and the newest best after it. */
    public ChangeTrack.View view(String id, String changeId) {
        plans.find(id);
        return runs.tracks().find(id, changeId).map(ChangeTrack::view)
                .orElseThrow(() -> ApiException.notFound("change", changeId));
    }
}
