package org.techroute.solver.explain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.techroute.solver.domain.Shift;
import org.techroute.solver.domain.TimeWindow;
import org.techroute.solver.domain.Visit;

/**
 * Whether any shift could ever serve a visit, whatever the other visits: technician, skills, certifications,
 * van capacity, and a time window reachable within the shift's hours. Used to warn about such visits before
 * solving and to say why a visit ended up unassigned.
 */
public final class ServiceabilityCheck {

    private ServiceabilityCheck() {
    }

    /** The reason no shift can serve the visit, or empty when at least one shift could. */
    public static Optional<Blocker> blocker(Visit visit, List<Shift> shifts) {
        if (shifts.isEmpty()) {
            return Optional.of(new Blocker("SHIFT_HOURS", "there are no shifts"));
        }
        Map<String, List<String>> shiftsByCode = new LinkedHashMap<>();
        for (Shift shift : shifts) {
            Optional<Blocker> blocker = blocker(visit, shift);
            if (blocker.isEmpty()) {
                return Optional.empty();
            }
            shiftsByCode.computeIfAbsent(blocker.get().code(), k -> new ArrayList<>()).add(blocker.get().detail());
        }
        // The reason that rules out the most shifts comes first.
        Map.Entry<String, List<String>> main = shiftsByCode.entrySet().stream()
                .max((a, b) -> Integer.compare(a.getValue().size(), b.getValue().size())).orElseThrow();
        StringBuilder detail = new StringBuilder("no shift can serve it: ");
        String sep = "";
        for (Map.Entry<String, List<String>> entry : shiftsByCode.entrySet()) {
            detail.append(sep).append(entry.getValue().size()).append(" shift(s): ").append(entry.getValue().get(0));
            sep = "; ";
        }
        return Optional.of(new Blocker(main.getKey(), detail.toString()));
    }

    /** The reason this shift can never serve the visit, or empty when it could. */
    public static Optional<Blocker> blocker(Visit visit, Shift shift) {
        String technicianId = shift.getTechnician().getId();
        if (!visit.getRequiredTechnicianIds().isEmpty() && !visit.getRequiredTechnicianIds().contains(technicianId)) {
            return Optional.of(new Blocker("TECHNICIAN", "the visit requires technician(s) "
                    + visit.getRequiredTechnicianIds()));
        }
        if (visit.getExcludedTechnicianIds().contains(technicianId)) {
            return Optional.of(new Blocker("TECHNICIAN", "technician " + technicianId + " is excluded"));
        }
        for (Map.Entry<String, Integer> skill : visit.getRequiredSkills().entrySet()) {
            int level = shift.getTechnician().skillLevel(skill.getKey());
            if (level < skill.getValue()) {
                return Optional.of(new Blocker("SKILL", "needs " + skill.getKey() + " level " + skill.getValue()
                        + ", technician " + technicianId + " has " + level));
            }
        }
        for (String certification : visit.getRequiredCertifications()) {
            if (!shift.certificationValidSomeDay(certification, visit)) {
                return Optional.of(new Blocker("CERTIFICATION", "technician " + technicianId + " has no valid '"
                        + certification + "' during shift " + shift.getId()));
            }
        }
        int[] demand = visit.getDemand();
        int[] capacity = shift.getCapacity();
        for (int i = 0; i < Math.min(demand.length, capacity.length); i++) {
            if (demand[i] > capacity[i]) {
                return Optional.of(new Blocker("CAPACITY", "demand " + demand[i] + " exceeds the van capacity "
                        + capacity[i]));
            }
        }
        long earliestStart = shift.getStartMillis()
                + shift.getMatrix().travelMillis(shift.getStartLocation(), visit.getLocation());
        long latestStart = shift.getEndMillis() + shift.getMaxOvertimeMillis() - visit.getServiceDurationMillis()
                - shift.getMatrix().travelMillis(visit.getLocation(), shift.getEndLocation());
        if (visit.getTimeWindows().isEmpty()) {
            if (earliestStart > latestStart) {
                return Optional.of(new Blocker("SHIFT_HOURS", "the service does not fit in shift " + shift.getId()
                        + " with travel to and from it"));
            }
            return Optional.empty();
        }
        for (TimeWindow window : visit.getTimeWindows()) {
            if (Math.max(window.startMillis(), earliestStart) <= Math.min(window.endMillis(), latestStart)) {
                return Optional.empty();
            }
        }
        return Optional.of(new Blocker("TIME_WINDOW", "no time window can be reached within shift "
                + shift.getId() + "'s hours"));
    }
}
