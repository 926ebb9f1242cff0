package org.techroute.api.plans;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.techroute.data.model.Kpis;

/** A plan in a list: its status, score and key figures, without the documents. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PlanSummary(String id, String name, PlanStatus status, int run, String score, Boolean feasible,
        Kpis kpis, OffsetDateTime createdAt, OffsetDateTime updatedAt) {
}
