package org.techroute.data.changes;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.techroute.data.model.Route;
import org.techroute.data.model.Solution;
import org.techroute.data.model.Step;
import org.techroute.data.model.UnassignedVisit;

/**
 * What a re-plan changed for the people in the field: visits that moved to another shift (or in or out of the
 * plan), visits whose start moved by at least a minute, and visits that became unassigned (planned before, or
 * new, like an emergency that could not be placed), with the reason.
 *
 * @param visitsMoved how many visits planned before are now on another shift, unassigned, or at a start a
 *                    minute or more away (plan stability: the fewer, the calmer the day)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PlanDiff(List<Reassigned> reassigned, List<Shifted> timesShifted, List<UnassignedVisit> unassigned,
        int visitsMoved) {

    public PlanDiff(List<Reassigned> reassigned, List<Shifted> timesShifted, List<UnassignedVisit> unassigned) {
        this(reassigned, timesShifted, unassigned, (int) reassigned.stream().filter(r -> r.fromShiftId() != null)
                .count() + timesShifted.size());
    }

    /** A visit now on another shift; a null shift means unassigned. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Reassigned(String visitId, String fromShiftId, String toShiftId) {
    }

    /** A visit on the same shift whose service start moved. */
    public record Shifted(String visitId, String shiftId, OffsetDateTime from, OffsetDateTime to,
            long shiftSeconds) {
    }

    /** Starts that moved by less than this are not reported. */
    public static final Duration THRESHOLD = Duration.ofMinutes(1);

    public static PlanDiff between(Solution before, Solution after) {
        Map<String, String> shiftBefore = shiftOf(before);
        Map<String, String> shiftAfter = shiftOf(after);
        Map<String, OffsetDateTime> startBefore = startOf(before);
        Map<String, OffsetDateTime> startAfter = startOf(after);
        TreeSet<String> visitIds = new TreeSet<>(shiftBefore.keySet());
        visitIds.addAll(shiftAfter.keySet());
        List<Reassigned> reassigned = new ArrayList<>();
        List<Shifted> shifted = new ArrayList<>();
        for (String id : visitIds) {
            String from = shiftBefore.get(id);
            String to = shiftAfter.get(id);
            if (from == null ? to != null : !from.equals(to)) {
                reassigned.add(new Reassigned(id, from, to));
            } else if (to != null && startBefore.get(id) != null && startAfter.get(id) != null) {
                Duration move = Duration.between(startBefore.get(id), startAfter.get(id));
                if (move.abs().compareTo(THRESHOLD) >= 0) {
                    shifted.add(new Shifted(id, to, startBefore.get(id), startAfter.get(id), move.toSeconds()));
                }
            }
        }
        Set<String> unassignedBefore = new HashSet<>();
        if (before != null && before.unassignedVisits() != null) {
            before.unassignedVisits().forEach(visit -> unassignedBefore.add(visit.visitId()));
        }
        List<UnassignedVisit> unassigned = new ArrayList<>();
        if (after != null && after.unassignedVisits() != null) {
            for (UnassignedVisit visit : after.unassignedVisits()) {
                // planned before, or new (neither planned nor unassigned before)
                if (shiftBefore.containsKey(visit.visitId()) || !unassignedBefore.contains(visit.visitId())) {
                    unassigned.add(visit);
                }
            }
        }
        return new PlanDiff(reassigned, shifted, unassigned);
    }

    private static Map<String, String> shiftOf(Solution solution) {
        Map<String, String> shifts = new HashMap<>();
        if (solution != null && solution.routes() != null) {
            for (Route route : solution.routes()) {
                if (route.visitIds() != null) {
                    route.visitIds().forEach(id -> shifts.put(id, route.shiftId()));
                }
            }
        }
        return shifts;
    }

    private static Map<String, OffsetDateTime> startOf(Solution solution) {
        Map<String, OffsetDateTime> starts = new HashMap<>();
        if (solution != null && solution.routes() != null) {
            for (Route route : solution.routes()) {
                if (route.steps() != null) {
                    for (Step step : route.steps()) {
                        if (step.type() == Step.StepType.SERVICE) {
                            starts.put(step.visitId(), step.start());
                        }
                    }
                }
            }
        }
        return starts;
    }
}
