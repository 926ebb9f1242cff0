package org.techroute.api.plans;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The lightweight state of a plan.
 *
 * @param run                which solving run this is (1 for the first; each re-solve starts a new one)
 * @param score              the best score so far, e.g. {@code 0hard/0medium/-3600000soft} (null before any)
 * @param reason             why the run FAILED or was STOPPED
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PlanStatusView(String id, String name, PlanStatus status, int run,
        @Schema(type = "string", example = "0hard/0medium/-3600000soft") String score, Boolean feasible,
        OffsetDateTime bestScoreUpdatedAt, String reason, OffsetDateTime createdAt, OffsetDateTime updatedAt) {
}
