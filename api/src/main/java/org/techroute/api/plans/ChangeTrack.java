package org.techroute.api.plans;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import org.techroute.data.changes.PlanDiff;
import org.techroute.data.model.Pin;
import org.techroute.data.model.Problem;
import org.techroute.data.model.Route;
import org.techroute.data.model.Solution;
import org.techroute.data.model.Violation;
import org.techroute.data.model.Visit;

/**
 * One change request and what became of it: the plan version it was applied to ({@link BasedOn}), the first
 * best solution after it, and the newest saved best of the run that re-plans it. Read as a {@link View} through
 * {@code GET /api/plans/{id}/changes/{changeId}}. Thread-safe.
 */
public final class ChangeTrack {

    /** QUEUED: accepted, not yet in the solver; APPLIED: in the plan; FAILED: not applied, nothing changed. */
    public enum State {
        QUEUED, APPLIED, FAILED
    }

    private final String id;
    private final String planId;
    private final String mode;
    private final int run;
    private State state = State.QUEUED;
    private Solution before;
    private BasedOn basedOn;
    private Solution firstBest;
    private Solution current;
    private OffsetDateTime currentAt;
    private boolean runEnded;
    private String reason;
    private List<Violation> violations;

    ChangeTrack(String id, String planId, String mode, int run) {
        this.id = id;
        this.planId = planId;
        this.mode = mode;
        this.run = run;
    }

    public String id() {
        return id;
    }

    public String planId() {
        return planId;
    }

    public int run() {
        return run;
    }

    public synchronized State state() {
        return state;
    }

    /** The change went into the plan: {@code basedOn} is the document it was applied to, {@code changed} the result. */
    synchronized void applied(Problem basedOnDocument, Problem changed) {
        if (state != State.QUEUED) {
            return;
        }
        state = State.APPLIED;
        before = basedOnDocument.solution();
        basedOn = BasedOn.of(basedOnDocument, changed);
    }

    synchronized void failed(String why, List<Violation> errors) {
        if (state != State.QUEUED) {
            return;
        }
        state = State.FAILED;
        reason = why;
        violations = errors == null || errors.isEmpty() ? null : List.copyOf(errors);
    }

    /** The first best solution after the change (what the answer to the change request describes). */
    synchronized void firstBest(Solution solution) {
        if (state == State.APPLIED && firstBest == null) {
            firstBest = solution;
        }
    }

    /** A newer best solution of the run that re-plans the change (saved at {@code at}); {@code last}: its final one. */
    synchronized void best(Solution solution, OffsetDateTime at, boolean last) {
        if (state != State.APPLIED) {
            return;
        }
        if (solution != null) {
            current = solution;
            currentAt = at;
        }
        runEnded |= last;
    }

    /** The run ended: whatever was saved last is the re-plan's result. */
    synchronized void runEnded() {
        runEnded = true;
    }

    /** The plan before the change (the version it was applied to); null until applied. */
    synchronized Solution before() {
        return before;
    }

    synchronized BasedOn basedOn() {
        return basedOn;
    }

    public synchronized View view() {
        Solution after = current != null ? current : firstBest;
        PlanDiff diff = state == State.APPLIED && after != null ? PlanDiff.between(before, after) : null;
        return new View(planId, id, mode, run, state, !runEnded, basedOn, diff,
                after == null ? null : after.score(), current != null ? currentAt : null, reason, violations);
    }

    /**
     * A change as it stands.
     *
     * @param provisional true while the run that re-plans the change is still solving: {@code diff} can still change
     * @param diff        what moved between the plan version the change was applied to and the newest best solution
     *                    after it (the run's final one once {@code provisional} is false)
     * @param score       the score of that newest best solution
     * @param savedAt     when it was saved (absent while only the first best after the change is known)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({ "planId", "changeId", "mode", "run", "state", "provisional", "basedOn", "diff", "score",
            "savedAt", "reason", "violations" })
    public record View(String planId, String changeId, String mode, int run, State state, boolean provisional,
            BasedOn basedOn, PlanDiff diff, String score, OffsetDateTime savedAt, String reason,
            List<Violation> violations) {
    }

    /**
     * The plan version a change was applied to: its score and routes (for a live change: the routes the solver was
     * working on when it took the change), and the visits that had started, pinned where they were.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record BasedOn(String score, List<RouteVisits> routes, List<StartedVisit> started) {

        /** The visits of one route, in order. */
        public record RouteVisits(String shiftId, List<String> visitIds) {
        }

        /** A started visit: it keeps this shift, position and service start. */
        public record StartedVisit(String visitId, String shiftId, Integer position, OffsetDateTime start) {
        }

        static BasedOn of(Problem basedOn, Problem changed) {
            Solution solution = basedOn.solution();
            List<RouteVisits> routes = new ArrayList<>();
            if (solution != null && solution.routes() != null) {
                for (Route route : solution.routes()) {
                    routes.add(new RouteVisits(route.shiftId(), route.visitIds() == null ? List.of()
                            : List.copyOf(route.visitIds())));
                }
            }
            List<StartedVisit> started = new ArrayList<>();
            for (Visit visit : changed.visitsOrEmpty()) {
                Pin pin = visit.pin();
                if (pin != null && pin.start() != null) {
                    started.add(new StartedVisit(visit.id(), pin.shiftId(), pin.position(), pin.start()));
                }
            }
            return new BasedOn(solution == null ? null : solution.score(), routes, started);
        }
    }
}
