package org.techroute.api.plans;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The payloads of a plan's server-sent events. */
public final class SolverEvents {

    private SolverEvents() {
    }

    /** {@code best-score}: a new best score of the running solve. */
    public record BestScore(String score, boolean feasible, long elapsedMillis) {
    }

    /** {@code status}: the plan's status changed (also sent once when a client subscribes). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Status(String planId, PlanStatus status, int run, String reason, String score, Boolean feasible) {
    }
}
