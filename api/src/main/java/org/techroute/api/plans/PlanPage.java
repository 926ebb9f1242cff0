package org.techroute.api.plans;

import java.util.List;

/** One page of plans, newest first. */
public record PlanPage(List<PlanSummary> items, int limit, int offset, long total) {
}
