package org.techroute.data.model;

import java.math.BigDecimal;
import java.util.Map;

/** Plan-wide key figures. Durations in seconds, distances in meters. */
public record Kpis(BigDecimal travelSeconds, BigDecimal travelMeters, BigDecimal serviceSeconds,
        BigDecimal waitSeconds, BigDecimal breakSeconds, BigDecimal overtimeSeconds, int visitsAssigned,
        int visitsUnassigned, Map<Priority, Integer> unassignedByPriority, int shiftsUsed, int shiftsTotal) {
}
