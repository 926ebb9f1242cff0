package org.techroute.api.plans;

import java.time.OffsetDateTime;

/** One row of the {@code plan} table. */
public record PlanRecord(String id, String name, PlanStatus status, String statusReason, int runNumber,
        String problemJson, String planJson, String score, Boolean feasible, String kpisJson,
        OffsetDateTime bestScoreUpdatedAt, OffsetDateTime createdAt, OffsetDateTime updatedAt,
        String idempotencyKey, String requestHash) {

    /** The plan document if there is one, else the problem as submitted. */
    public String document() {
        return planJson != null ? planJson : problemJson;
    }
}
