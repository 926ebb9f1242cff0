package org.techroute.solver.explain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.techroute.solver.domain.Shift;
import org.techroute.solver.domain.TimeWindow;
import org.techroute.solver.domain.Visit;

/**
 * Whether any shift could ever serve a visit, whatever the other visits. Each shift goes through the checks in
 * this order, and the first it fails is its reason: technician (required or excluded), skills, certifications,
 * van capacity, the parts on the van (a part the visit needs more of than the van carries), the driving limit (the trip from the start location to the visit and on to the end location alone
 * is longer than {@code maxTravelSeconds}), and last the hours: a time window reachable within the shift's hours and after "now"
 * ({@code TIME_WINDOW}, or {@code SHIFT_HOURS} for a visit without windows). The reason for the visit is the
 * one of the shift that got furthest (a technician who is the right one but lacks the certification says more
 * than the others who are not the right one). Used to warn about such visits before solving and to say why a
 * visit ended up unassigned. A visit that has started is served by definition.
 */
public final class ServiceabilityCheck {

    /** The checks in the order they are made; a later one means the shift got further. */
    public static final List<String> ORDER = List.of("TECHNICIAN", "SKILL", "CERTIFICATION", "CAPACITY",
            "PARTS", "TRAVEL_LIMIT", "TIME_WINDOW", "SHIFT_HOURS");

    private ServiceabilityCheck() {
    }

    /** The reason no shift can serve the visit, or empty when at least one shift could. */
    public static Optional<Blocker> blocker(Visit visit, List<Shift> shifts) {
        if (visit.isStarted()) {
            return Optional.empty();
        }
        if (shifts.isEmpty()) {
            return Optional.of(new Blocker("SHIFT_HOURS", "there are no shifts"));
        }
        // reason -> detail -> shift ids, deepest reason first
        Map<String, Map<String, List<String>>> byReason = new TreeMap<>((a, b) -> Integer.compare(depth(b),
                depth(a)));
        for (Shift shift : shifts) {
            Optional<Blocker> blocker = blocker(visit, shift);
            if (blocker.isEmpty()) {
                return Optional.empty();
            }
            byReason.computeIfAbsent(blocker.get().code(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(blocker.get().detail(), k -> new ArrayList<>()).add(shift.getId());
        }
        StringBuilder detail = new StringBuilder("no shift can serve it: ");
        String sep = "";
        for (Map.Entry<String, Map<String, List<String>>> reason : byReason.entrySet()) {
            for (Map.Entry<String, List<String>> same : reason.getValue().entrySet()) {
                List<String> ids = same.getValue();
                detail.append(sep).append(reason.getKey()).append(" on ").append(ids.size() == 1 ? "shift "
                        : "shifts ").append(String.join(", ", ids)).append(": ").append(same.getKey());
                sep = "; ";
            }
        }
        return Optional.of(new Blocker(byReason.keySet().iterator().next(), detail.toString()));
    }

    private static int depth(String code) {
        int depth = ORDER.indexOf(code);
        // the two hour checks are the same depth: a visit has windows or it has not
        return code.equals("SHIFT_HOURS") ? ORDER.indexOf("TIME_WINDOW") : depth;
    }

    /**
     * The reason this shift can never serve the visit, or empty when it could. The detail does not name the
     * shift (the caller lists the shifts per detail).
     */
    public static Optional<Blocker> blocker(Visit visit, Shift shift) {
        if (visit.isStarted()) {
            return Optional.empty();
        }
        String technicianId = shift.getTechnician().getId();
        if (!visit.getRequiredTechnicianIds().isEmpty() && !visit.getRequiredTechnicianIds().contains(technicianId)) {
            return Optional.of(new Blocker("TECHNICIAN", "the visit requires technician(s) "
                    + visit.getRequiredTechnicianIds().stream().sorted().toList()));
        }
        if (visit.getExcludedTechnicianIds().contains(technicianId)) {
            return Optional.of(new Blocker("TECHNICIAN", "technician " + technicianId + " is excluded"));
        }
        for (Map.Entry<String, Integer> skill : new TreeMap<>(visit.getRequiredSkills()).entrySet()) {
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
        int[] partIds = visit.getPartIds();
        for (int i = 0; i < partIds.length; i++) {
            int quantity = visit.getPartQuantities()[i];
            if (quantity > shift.stockOf(partIds[i])) {
                return Optional.of(new Blocker("PARTS", "needs " + quantity + " of part '"
                        + visit.getPartNames()[i] + "', the van carries " + shift.stockOf(partIds[i])));
            }
        }
        if (shift.getMaxTravelMillis() != Long.MAX_VALUE) {
            long roundTrip = shift.getMatrix().travelMillis(shift.getStartLocation(), visit.getLocation())
                    + shift.getMatrix().travelMillis(visit.getLocation(), shift.getEndLocation());
            if (roundTrip > shift.getMaxTravelMillis()) {
                return Optional.of(new Blocker("TRAVEL_LIMIT", "the trip there and on to the end location alone"
                        + " drives " + seconds(roundTrip) + " s, more than the shift's limit of "
                        + seconds(shift.getMaxTravelMillis()) + " s"));
            }
        }
        long notBefore = Math.max(shift.getNotBeforeMillis(), startedWorkEnd(shift));
        // optimistic: at "now" (or when the visits that have started end) the technician may already be anywhere,
        // even at the visit
        long earliestStart = Math.max(shift.getStartMillis()
                + shift.getMatrix().travelMillis(shift.getStartLocation(), visit.getLocation()), notBefore);
        long latestStart = shift.getEndMillis() + shift.getMaxOvertimeMillis() - visit.getServiceDurationMillis()
                - shift.getMatrix().travelMillis(visit.getLocation(), shift.getEndLocation());
        if (visit.getTimeWindows().isEmpty()) {
            if (earliestStart > latestStart) {
                return Optional.of(new Blocker("SHIFT_HOURS", notBefore > latestStart
                        ? "the shift's hours are over at " + Instant.ofEpochMilli(notBefore)
                        + " (now, or when the visits under way end)"
                        : "the service does not fit in the shift with travel to and from it"));
            }
            return Optional.empty();
        }
        for (TimeWindow window : visit.getTimeWindows()) {
            if (Math.max(window.startMillis(), earliestStart) <= Math.min(window.endMillis(), latestStart)) {
                return Optional.empty();
            }
        }
        long lastClose = visit.getTimeWindows().stream().mapToLong(TimeWindow::endMillis).max().orElseThrow();
        if (lastClose < notBefore) {
            return Optional.of(new Blocker("TIME_WINDOW", "every time window closed before now, or"
                    + " before the visits under way end (" + Instant.ofEpochMilli(notBefore) + ")"));
        }
        return Optional.of(new Blocker("TIME_WINDOW", "no time window can be reached within the shift's hours"));
    }

    /**
     * Why a visit whose own checks pass ({@link #blocker(Visit, List)} is empty) is still unassigned because of its
     * links, or empty: {@code CREW} when a visit of its crew can never be served (the detail names that member and
     * its reason), or when the crew needs more different technicians who could serve its visits than there are;
     * {@code DEPENDENCY} when a visit it follows is unassigned (named). A visit that has started is served.
     */
    public static Optional<Blocker> linkBlocker(Visit visit, List<Shift> shifts) {
        if (visit.isStarted()) {
            return Optional.empty();
        }
        if (visit.isCrewVisit()) {
            Optional<Blocker> crewBlocker = crewBlocker(visit, shifts);
            if (crewBlocker.isPresent()) {
                return crewBlocker;
            }
            for (Visit member : crew(visit)) {
                Optional<Blocker> dependency = dependencyBlocker(member);
                if (dependency.isPresent() && member != visit) {
                    return Optional.of(new Blocker("CREW", "crew " + visit.getCrewId() + " cannot be served: visit "
                            + member.getId() + " " + dependency.get().detail()));
                }
            }
        }
        return dependencyBlocker(visit);
    }

    /**
     * Before solving, whatever the routes: {@code CREW} when a visit of the visit's crew can never be served or the
     * crew needs more different technicians than can serve its visits; {@code DEPENDENCY} when a visit it follows can
     * never be served itself ({@link #blocker(Visit, List)}). Empty otherwise, and for a visit that has started.
     */
    public static Optional<Blocker> linkBlockerBeforeSolving(Visit visit, List<Shift> shifts) {
        if (visit.isStarted()) {
            return Optional.empty();
        }
        if (visit.isCrewVisit()) {
            Optional<Blocker> crewBlocker = crewBlocker(visit, shifts);
            if (crewBlocker.isPresent()) {
                return crewBlocker;
            }
        }
        for (Visit before : visit.getPredecessors()) {
            Optional<Blocker> blocker = blocker(before, shifts);
            if (blocker.isPresent()) {
                return Optional.of(new Blocker("DEPENDENCY", "follows visit " + before.getId() + ", which no"
                        + " technician can ever serve (" + blocker.get().code() + ")"));
            }
        }
        return Optional.empty();
    }

    /** The visit and its crew mates, by id. */
    private static List<Visit> crew(Visit visit) {
        List<Visit> crew = new ArrayList<>();
        crew.add(visit);
        crew.addAll(visit.getCrewMates());
        crew.sort(java.util.Comparator.comparing(Visit::getId));
        return crew;
    }

    /** A crew mate that can never be served, or too few technicians for the crew; empty otherwise. */
    private static Optional<Blocker> crewBlocker(Visit visit, List<Shift> shifts) {
        List<Visit> crew = crew(visit);
        for (Visit member : crew) {
            if (member == visit) {
                continue;
            }
            Optional<Blocker> blocker = blocker(member, shifts);
            if (blocker.isPresent()) {
                return Optional.of(new Blocker("CREW", "crew " + visit.getCrewId() + " cannot be served: visit "
                        + member.getId() + " (" + blocker.get().code() + ") " + blocker.get().detail()));
            }
        }
        if (!distinctTechnicians(crew, shifts)) {
            return Optional.of(new Blocker("CREW", "crew " + visit.getCrewId() + " needs " + crew.size()
                    + " different technicians, one per visit " + crew.stream().map(Visit::getId).toList()
                    + ", but not that many can serve its visits"));
        }
        return Optional.empty();
    }

    private static Optional<Blocker> dependencyBlocker(Visit visit) {
        for (Visit before : visit.getPredecessors()) {
            if (before.getShift() == null) {
                return Optional.of(new Blocker("DEPENDENCY", "follows visit " + before.getId()
                        + ", which is unassigned"));
            }
        }
        return Optional.empty();
    }

    /** Whether each visit of the crew can get its own technician among those whose shifts could serve it. */
    private static boolean distinctTechnicians(List<Visit> crew, List<Shift> shifts) {
        List<List<String>> options = new ArrayList<>();
        for (Visit member : crew) {
            List<String> technicians = new ArrayList<>();
            for (Shift shift : shifts) {
                String id = shift.getTechnician().getId();
                if (!technicians.contains(id) && blocker(member, shift).isEmpty()) {
                    technicians.add(id);
                }
            }
            options.add(technicians);
        }
        return match(options, 0, new java.util.HashSet<>());
    }

    private static boolean match(List<List<String>> options, int index, java.util.Set<String> taken) {
        if (index == options.size()) {
            return true;
        }
        for (String technician : options.get(index)) {
            if (taken.add(technician)) {
                if (match(options, index + 1, taken)) {
                    return true;
                }
                taken.remove(technician);
            }
        }
        return false;
    }

    private static long seconds(long millis) {
        return (millis + 999) / 1000;
    }

    /** When the visits of the shift that have started (or are done) end: nothing new starts before. */
    private static long startedWorkEnd(Shift shift) {
        long end = Long.MIN_VALUE;
        for (Visit started : shift.getVisits()) {
            if (started.isStarted()) {
                long finish = started.getExpectedEndMillis() != null ? started.getExpectedEndMillis()
                        : started.getActualStartMillis() + started.getServiceDurationMillis();
                end = Math.max(end, finish);
            }
        }
        return end;
    }
}
