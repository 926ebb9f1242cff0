package org.techroute.data.whatif;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.techroute.data.model.Kpis;
import org.techroute.data.model.Violation;

/**
 * The outcome of one variant: its KPIs and score, or why it could not be solved.
 *
 * @param status {@code SOLVED} or {@code INVALID}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VariantResult(String name, String status, String score, Boolean feasible, Kpis kpis,
        List<Violation> violations) {
}
