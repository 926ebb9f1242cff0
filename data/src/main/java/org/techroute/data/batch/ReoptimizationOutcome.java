package org.techroute.data.batch;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.techroute.data.model.Kpis;

/**
 * One plan re-optimized: its score and KPIs before and after, and whether the new plan was kept.
 *
 * @param plan   the plan's name (file name or id)
 * @param status {@code IMPROVED} (kept), {@code NOT_BETTER} (old plan kept), {@code SOLVED} (there was no
 *               solution before), or {@code FAILED} (with {@code error})
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReoptimizationOutcome(String plan, String status, String scoreBefore, String scoreAfter,
        Kpis kpisBefore, Kpis kpisAfter, String error) {

    public boolean kept() {
        return "IMPROVED".equals(status) || "SOLVED".equals(status);
    }
}
