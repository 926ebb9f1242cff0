package org.techroute.data.validation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.techroute.data.model.Certification;
import org.techroute.data.model.Location;
import org.techroute.data.model.Options;
import org.techroute.data.model.Pin;
import org.techroute.data.model.Problem;
import org.techroute.data.model.Shift;
import org.techroute.data.model.ShiftBreak;
import org.techroute.data.model.Technician;
import org.techroute.data.model.TimeWindow;
import org.techroute.data.model.TravelMode;
import org.techroute.data.model.Visit;
import org.techroute.data.model.Violation;
import org.techroute.solver.score.TechrouteConstraint;

/**
 * Checks a problem before anything is computed from it: ids, references, times, durations, locations,
 * options. Every violation names the JSON path and the entity id. Whether a visit can be served at all is
 * checked later, on the planning model ({@code ServiceabilityCheck}), and reported as a warning.
 */
public final class ProblemValidator {

    /** The longest plan name: the length of the database column it is stored in. */
    public static final int MAX_NAME_LENGTH = 500;

    /**
     * A location farther than this from the middle of a problem's locations, and than {@link #FAR_FACTOR} times
     * their typical distance from it, is probably a typo (a wrong sign, swapped lat and lon): a warning.
     */
    static final double FAR_METERS = 500_000;
    static final double FAR_FACTOR = 10;

    private final ProblemLimits limits;

    public ProblemValidator(ProblemLimits limits) {
        this.limits = limits;
    }

    public ProblemValidator() {
        this(ProblemLimits.DEFAULT);
    }

    public ValidationReport validate(Problem problem) {
        Run run = new Run(problem.optionsOrDefaults().effectiveTravelMode());
        if (problem.name() != null && problem.name().length() > MAX_NAME_LENGTH) {
            run.error("$.name", null, "the name is " + problem.name().length() + " characters long; at most "
                    + MAX_NAME_LENGTH + " are allowed");
        }
        run.options(problem.optionsOrDefaults());
        run.sizes(problem);
        Map<String, Technician> technicians = run.technicians(problem.techniciansOrEmpty());
        Map<String, Shift> shifts = run.shifts(problem.shiftsOrEmpty(), technicians);
        run.visits(problem.visitsOrEmpty(), technicians, shifts);
        if (run.errors.isEmpty() && run.travelMode != TravelMode.EUCLIDEAN) {
            FarLocations.check(problem, FAR_METERS, FAR_FACTOR, run.warnings);
        }
        return new ValidationReport(List.copyOf(run.errors), List.copyOf(run.warnings));
    }

    private final class Run {
        private final TravelMode travelMode;
        private final List<Violation> errors = new ArrayList<>();
        private final List<Violation> warnings = new ArrayList<>();

        Run(TravelMode travelMode) {
            this.travelMode = travelMode;
        }

        void error(String path, String id, String message) {
            errors.add(new Violation(path, id, message));
        }

        void options(Options options) {
            Duration limit = options.timeLimit();
            if (limit != null && (limit.isNegative() || limit.isZero())) {
                error("$.options.timeLimit", null, "time limit must be positive, got " + limit);
            } else if (limit != null && limits.maxTimeLimit() != null && limit.compareTo(limits.maxTimeLimit()) > 0) {
                error("$.options.timeLimit", null, "time limit " + limit + " is longer than this service allows ("
                        + limits.maxTimeLimit() + "); ask for " + limits.maxTimeLimit() + " or less");
            }
            if (options.haversineSpeedKmh() != null && !(options.haversineSpeedKmh() > 0)) {
                error("$.options.haversineSpeedKmh", null, "speed must be positive, got "
                        + options.haversineSpeedKmh());
            }
            if (options.stepLimit() != null && options.stepLimit() < 0) {
                error("$.options.stepLimit", null, "step limit must not be negative");
            }
            Integer threads = options.searchThreads();
            if (threads != null && (threads < 1 || threads > Options.MAX_SEARCH_THREADS)) {
                error("$.options.searchThreads", null, "search threads must be between 1 and "
                        + Options.MAX_SEARCH_THREADS + ", got " + threads);
            } else if (threads != null && threads > limits.maxSearchThreads()) {
                error("$.options.searchThreads", null, "search threads " + threads + " are more than this service"
                        + " solves on at once (" + limits.maxSearchThreads() + "); ask for "
                        + limits.maxSearchThreads() + " or less");
            }
            for (Map.Entry<String, Long> weight : new TreeMap<>(options.effectiveConstraintWeights()).entrySet()) {
                String path = "$.options.constraintWeights." + weight.getKey();
                if (TechrouteConstraint.byId(weight.getKey()).isEmpty()) {
                    error(path, null, "unknown constraint '" + weight.getKey() + "'; known: "
                            + java.util.Arrays.stream(TechrouteConstraint.values()).map(TechrouteConstraint::id)
                                    .toList());
                } else if (weight.getValue() == null || weight.getValue() < 0) {
                    error(path, null, "weight must be zero or positive");
                }
            }
        }

        void sizes(Problem problem) {
            if (problem.visitsOrEmpty().size() > limits.maxVisits()) {
                error("$.visits", null, "too many visits: " + problem.visitsOrEmpty().size() + " (at most "
                        + limits.maxVisits() + ")");
            }
            if (problem.techniciansOrEmpty().size() > limits.maxTechnicians()) {
                error("$.technicians", null, "too many technicians: " + problem.techniciansOrEmpty().size()
                        + " (at most " + limits.maxTechnicians() + ")");
            }
            if (problem.shiftsOrEmpty().size() > limits.maxShifts()) {
                error("$.shifts", null, "too many shifts: " + problem.shiftsOrEmpty().size() + " (at most "
                        + limits.maxShifts() + ")");
            }
            if (problem.techniciansOrEmpty().isEmpty()) {
                error("$.technicians", null, "at least one technician is needed");
            }
            if (problem.shiftsOrEmpty().isEmpty()) {
                error("$.shifts", null, "at least one shift is needed");
            }
        }

        Map<String, Technician> technicians(List<Technician> list) {
            Map<String, Technician> byId = new HashMap<>();
            for (int i = 0; i < list.size(); i++) {
                String path = "$.technicians[" + i + "]";
                Technician technician = list.get(i);
                if (technician == null) {
                    error(path, null, "a technician must be an object, not null");
                    continue;
                }
                String id = technician.id();
                if (!uniqueId(path, id, "technician", byId.keySet())) {
                    continue;
                }
                byId.put(id, technician);
                skills(path + ".skills", id, technician.skillsOrEmpty(), 0);
                List<Certification> certifications = technician.certificationsOrEmpty();
                for (int c = 0; c < certifications.size(); c++) {
                    Certification certification = certifications.get(c);
                    String certPath = path + ".certifications[" + c + "]";
                    if (certification == null || blank(certification.name())) {
                        error(certPath, id, "a certification needs a name");
                    } else if (certification.validFrom() != null && certification.validUntil() != null
                            && certification.validUntil().isBefore(certification.validFrom())) {
                        error(certPath, id, "certification '" + certification.name() + "' is valid until "
                                + certification.validUntil() + ", before it is valid from "
                                + certification.validFrom());
                    }
                }
                if (technician.home() == null) {
                    error(path + ".home", id, "the technician's home location is missing");
                } else {
                    location(path + ".home", id, technician.home());
                }
                if (technician.costPerHour() != null && technician.costPerHour() < 0) {
                    error(path + ".costPerHour", id, "cost per hour must not be negative");
                }
            }
            return byId;
        }

        Map<String, Shift> shifts(List<Shift> list, Map<String, Technician> technicians) {
            Map<String, Shift> byId = new HashMap<>();
            for (int i = 0; i < list.size(); i++) {
                String path = "$.shifts[" + i + "]";
                Shift shift = list.get(i);
                if (shift == null) {
                    error(path, null, "a shift must be an object, not null");
                    continue;
                }
                String id = shift.id();
                if (!uniqueId(path, id, "shift", byId.keySet())) {
                    continue;
                }
                byId.put(id, shift);
                if (blank(shift.technicianId())) {
                    error(path + ".technicianId", id, "the shift's technician is missing");
                } else if (!technicians.containsKey(shift.technicianId())) {
                    error(path + ".technicianId", id, "unknown technician '" + shift.technicianId() + "'");
                }
                boolean timesPresent = required(path + ".start", id, shift.start(), "shift start")
                        & required(path + ".end", id, shift.end(), "shift end");
                if (timesPresent && !shift.end().isAfter(shift.start())) {
                    error(path + ".end", id, "the shift ends (" + shift.end() + ") before it starts ("
                            + shift.start() + ")");
                }
                if (shift.maxOvertimeSeconds() != null && shift.maxOvertimeSeconds() < 0) {
                    error(path + ".maxOvertimeSeconds", id, "maximum overtime must not be negative");
                }
                if (shift.maxTravelSeconds() != null && shift.maxTravelSeconds() < 0) {
                    error(path + ".maxTravelSeconds", id, "the travel limit must not be negative, got "
                            + shift.maxTravelSeconds());
                }
                if (shift.startLocation() != null) {
                    location(path + ".startLocation", id, shift.startLocation());
                }
                if (shift.endLocation() != null) {
                    location(path + ".endLocation", id, shift.endLocation());
                }
                List<ShiftBreak> breaks = shift.breaksOrEmpty();
                for (int b = 0; b < breaks.size(); b++) {
                    breakRule(path + ".breaks[" + b + "]", id, breaks.get(b));
                }
                parts(path + ".vanStock", id, shift.vanStockOrEmpty(), "stock");
                List<Integer> capacity = shift.capacityOrEmpty();
                for (int d = 0; d < capacity.size(); d++) {
                    if (capacity.get(d) == null || capacity.get(d) < 0) {
                        error(path + ".capacity[" + d + "]", id, "capacity must be zero or positive");
                    }
                }
            }
            overlaps(list, byId);
            Set<Integer> dimensions = new HashSet<>();
            list.stream().filter(s -> s != null && s.capacity() != null).forEach(s -> dimensions.add(s.capacity()
                    .size()));
            if (dimensions.size() > 1) {
                error("$.shifts", null, "shifts' capacities have different numbers of dimensions: " + dimensions);
            }
            return byId;
        }

        /** A technician cannot work two shifts at once: each overlapping pair is named, at the later shift. */
        void overlaps(List<Shift> list, Map<String, Shift> valid) {
            Map<String, List<Integer>> byTechnician = new TreeMap<>();
            for (int i = 0; i < list.size(); i++) {
                Shift shift = list.get(i);
                if (shift != null && shift.id() != null && valid.get(shift.id()) == shift && !blank(shift
                        .technicianId()) && shift.start() != null && shift.end() != null && shift.end().isAfter(
                                shift.start())) {
                    byTechnician.computeIfAbsent(shift.technicianId(), k -> new ArrayList<>()).add(i);
                }
            }
            for (Map.Entry<String, List<Integer>> technician : byTechnician.entrySet()) {
                List<Integer> indexes = technician.getValue();
                for (int a = 0; a < indexes.size(); a++) {
                    for (int b = a + 1; b < indexes.size(); b++) {
                        Shift first = list.get(indexes.get(a));
                        Shift second = list.get(indexes.get(b));
                        if (first.overlaps(second)) {
                            error("$.shifts[" + indexes.get(b) + "]", second.id(), "shift '" + second.id() + "' ("
                                    + second.start() + " to " + second.end() + ") overlaps shift '" + first.id()
                                    + "' ($.shifts[" + indexes.get(a) + "], " + first.start() + " to "
                                    + first.end() + ") of the same technician '" + technician.getKey()
                                    + "'; a technician cannot work two shifts at once");
                        }
                    }
                }
            }
        }

        /** Part name to quantity (a van's stock, a visit's needs): names not blank, quantities 0 or more. */
        void parts(String path, String id, Map<String, Integer> parts, String what) {
            for (Map.Entry<String, Integer> part : new TreeMap<>(parts).entrySet()) {
                String partPath = path + "." + part.getKey();
                if (blank(part.getKey())) {
                    error(path, id, "a part needs a name");
                } else if (part.getValue() == null) {
                    error(partPath, id, "the " + what + " of part '" + part.getKey() + "' is missing");
                } else if (part.getValue() < 0) {
                    error(partPath, id, "the " + what + " of part '" + part.getKey() + "' must not be negative, got "
                            + part.getValue());
                }
            }
        }

        void breakRule(String path, String shiftId, ShiftBreak rule) {
            if (rule == null) {
                error(path, shiftId, "a break must be an object, not null");
                return;
            }
            boolean present = required(path + ".earliestStart", shiftId, rule.earliestStart(), "earliest start")
                    & required(path + ".latestStart", shiftId, rule.latestStart(), "latest start")
                    & required(path + ".durationSeconds", shiftId, rule.durationSeconds(), "duration");
            if (!present) {
                return;
            }
            if (rule.latestStart().isBefore(rule.earliestStart())) {
                error(path + ".latestStart", shiftId, "the break's latest start (" + rule.latestStart()
                        + ") is before its earliest start (" + rule.earliestStart() + ")");
            }
            if (rule.durationSeconds() < 0) {
                error(path + ".durationSeconds", shiftId, "duration must not be negative, got "
                        + rule.durationSeconds());
            }
            if (rule.taken() != null && required(path + ".taken.start", shiftId, rule.taken().start(), "start")
                    && rule.taken().end() != null && rule.taken().end().isBefore(rule.taken().start())) {
                error(path + ".taken.end", shiftId, "the taken break ends (" + rule.taken().end()
                        + ") before it starts (" + rule.taken().start() + ")");
            }
        }

        void visits(List<Visit> list, Map<String, Technician> technicians, Map<String, Shift> shifts) {
            Set<String> ids = new HashSet<>();
            Map<String, Map<Integer, String>> pinsByShift = new HashMap<>();
            Integer capacityDimensions = shifts.values().stream().filter(s -> s.capacity() != null)
                    .map(s -> s.capacity().size()).findFirst().orElse(null);
            for (int i = 0; i < list.size(); i++) {
                String path = "$.visits[" + i + "]";
                Visit visit = list.get(i);
                if (visit == null) {
                    error(path, null, "a visit must be an object, not null");
                    continue;
                }
                String id = visit.id();
                if (!uniqueId(path, id, "visit", ids)) {
                    continue;
                }
                ids.add(id);
                if (visit.location() == null) {
                    error(path + ".location", id, "the visit's location is missing");
                } else {
                    location(path + ".location", id, visit.location());
                }
                if (visit.serviceDurationSeconds() == null) {
                    error(path + ".serviceDurationSeconds", id, "the service duration is missing");
                } else if (visit.serviceDurationSeconds() < 0) {
                    error(path + ".serviceDurationSeconds", id, "service duration must not be negative, got "
                            + visit.serviceDurationSeconds());
                }
                List<TimeWindow> windows = visit.timeWindowsOrEmpty();
                for (int w = 0; w < windows.size(); w++) {
                    TimeWindow window = windows.get(w);
                    String windowPath = path + ".timeWindows[" + w + "]";
                    if (window == null) {
                        error(windowPath, id, "a time window must be an object, not null");
                        continue;
                    }
                    if (required(windowPath + ".start", id, window.start(), "window start")
                            & required(windowPath + ".end", id, window.end(), "window end")
                            && window.end().isBefore(window.start())) {
                        error(windowPath, id, "the time window ends (" + window.end() + ") before it starts ("
                                + window.start() + ")");
                    }
                }
                skills(path + ".requiredSkills", id, visit.requiredSkillsOrEmpty(), 1);
                for (int c = 0; c < visit.requiredCertificationsOrEmpty().size(); c++) {
                    if (blank(visit.requiredCertificationsOrEmpty().get(c))) {
                        error(path + ".requiredCertifications[" + c + "]", id, "certification name is empty");
                    }
                }
                references(path + ".requiredTechnicianIds", id, visit.requiredTechnicianIdsOrEmpty(), technicians);
                references(path + ".preferredTechnicianIds", id, visit.preferredTechnicianIdsOrEmpty(),
                        technicians);
                references(path + ".excludedTechnicianIds", id, visit.excludedTechnicianIdsOrEmpty(), technicians);
                for (String required : visit.requiredTechnicianIdsOrEmpty()) {
                    if (visit.excludedTechnicianIdsOrEmpty().contains(required)) {
                        error(path + ".excludedTechnicianIds", id, "technician '" + required
                                + "' is both required and excluded");
                    }
                }
                List<Integer> demand = visit.demandOrEmpty();
                for (int d = 0; d < demand.size(); d++) {
                    if (demand.get(d) == null || demand.get(d) < 0) {
                        error(path + ".demand[" + d + "]", id, "demand must be zero or positive");
                    }
                }
                if (!demand.isEmpty() && capacityDimensions != null && demand.size() != capacityDimensions) {
                    error(path + ".demand", id, "demand has " + demand.size() + " dimension(s) but shifts' capacity"
                            + " has " + capacityDimensions);
                }
                parts(path + ".parts", id, visit.partsOrEmpty(), "quantity");
                pin(path + ".pin", id, visit.pin(), shifts, pinsByShift);
            }
            links(list, ids);
            pinsByShift.forEach((shiftId, positions) -> {
                for (int p = 0; p < positions.size(); p++) {
                    if (!positions.containsKey(p)) {
                        error("$.visits", null, "pinned visits of shift '" + shiftId + "' must take positions 0.."
                                + (positions.size() - 1) + " without gaps; position " + p + " is missing");
                        return;
                    }
                }
            });
        }

        /**
         * Crews and dependencies: a crew has at least two visits; a dependency names another known visit, once, with
         * delays not negative and a maximum not below the minimum; no visit follows a visit of its own crew; and no
         * visit comes after itself, directly or around a circle (a crew counts as one: its visits start together).
         */
        void links(List<Visit> list, Set<String> ids) {
            Map<String, List<Integer>> crews = new TreeMap<>();
            for (int i = 0; i < list.size(); i++) {
                Visit visit = list.get(i);
                if (visit == null || visit.id() == null || visit.crewId() == null) {
                    continue;
                }
                if (blank(visit.crewId())) {
                    error("$.visits[" + i + "].crewId", visit.id(), "the crew id is empty");
                    continue;
                }
                crews.computeIfAbsent(visit.crewId(), k -> new ArrayList<>()).add(i);
            }
            crews.forEach((crewId, members) -> {
                if (members.size() < 2) {
                    int i = members.get(0);
                    error("$.visits[" + i + "].crewId", list.get(i).id(), "crew '" + crewId + "' has only this"
                            + " visit; a crew needs at least two visits (one per technician)");
                }
            });
            // graph over "nodes": a crew is one node, any other visit its own
            Map<String, String> nodeOf = new HashMap<>();
            for (Visit visit : list) {
                if (visit != null && visit.id() != null) {
                    nodeOf.put(visit.id(), visit.crewId() != null && !blank(visit.crewId()) ? "crew " + visit.crewId()
                            : "visit " + visit.id());
                }
            }
            Map<String, List<String>> edges = new TreeMap<>();
            Map<String, String> edgePath = new HashMap<>();
            for (int i = 0; i < list.size(); i++) {
                Visit visit = list.get(i);
                if (visit == null || visit.id() == null) {
                    continue;
                }
                List<org.techroute.data.model.VisitAfter> after = visit.afterOrEmpty();
                Set<String> seen = new HashSet<>();
                for (int a = 0; a < after.size(); a++) {
                    String path = "$.visits[" + i + "].after[" + a + "]";
                    org.techroute.data.model.VisitAfter dependency = after.get(a);
                    if (dependency == null) {
                        error(path, visit.id(), "a dependency must be an object, not null");
                        continue;
                    }
                    String before = dependency.visitId();
                    if (blank(before)) {
                        error(path + ".visitId", visit.id(), "the visit to follow is missing");
                        continue;
                    }
                    if (!ids.contains(before)) {
                        error(path + ".visitId", visit.id(), "unknown visit '" + before + "'");
                        continue;
                    }
                    if (before.equals(visit.id())) {
                        error(path + ".visitId", visit.id(), "a visit cannot follow itself");
                        continue;
                    }
                    if (!seen.add(before)) {
                        error(path + ".visitId", visit.id(), "visit '" + before + "' is listed twice");
                        continue;
                    }
                    if (dependency.minDelaySeconds() != null && dependency.minDelaySeconds() < 0) {
                        error(path + ".minDelaySeconds", visit.id(), "delay must not be negative, got "
                                + dependency.minDelaySeconds());
                    }
                    if (dependency.maxDelaySeconds() != null && dependency.maxDelaySeconds() < 0) {
                        error(path + ".maxDelaySeconds", visit.id(), "delay must not be negative, got "
                                + dependency.maxDelaySeconds());
                    } else if (dependency.maxDelaySeconds() != null
                            && dependency.maxDelaySeconds() < dependency.minDelaySecondsOrZero()) {
                        error(path + ".maxDelaySeconds", visit.id(), "the maximum delay "
                                + dependency.maxDelaySeconds() + " is below the minimum delay "
                                + dependency.minDelaySecondsOrZero());
                    }
                    String from = nodeOf.get(before);
                    String to = nodeOf.get(visit.id());
                    if (from.equals(to)) {
                        error(path + ".visitId", visit.id(), "visit '" + before + "' is in the same crew ("
                                + visit.crewId() + "): crew visits start together, one cannot follow another");
                        continue;
                    }
                    edges.computeIfAbsent(from, k -> new ArrayList<>()).add(to);
                    edgePath.putIfAbsent(to, path + ".visitId");
                    edgePath.putIfAbsent(to + "|id", visit.id());
                }
            }
            List<String> cycle = cycle(edges);
            if (!cycle.isEmpty()) {
                String last = cycle.get(cycle.size() - 1);
                error(edgePath.get(last), edgePath.get(last + "|id"), "dependencies go round in a circle: "
                        + String.join(" -> ", cycle));
            }
        }

        /** A cycle of the graph (its nodes, first repeated at the end), or empty; deterministic. */
        private static List<String> cycle(Map<String, List<String>> edges) {
            Map<String, Integer> state = new HashMap<>();
            for (String start : edges.keySet()) {
                List<String> stack = new ArrayList<>();
                List<String> found = cycleFrom(start, edges, state, stack);
                if (!found.isEmpty()) {
                    return found;
                }
            }
            return List.of();
        }

        private static List<String> cycleFrom(String node, Map<String, List<String>> edges, Map<String, Integer> state,
                List<String> stack) {
            Integer known = state.get(node);
            if (known != null && known == 2) {
                return List.of();
            }
            if (known != null && known == 1) {
                List<String> cycle = new ArrayList<>(stack.subList(stack.indexOf(node), stack.size()));
                cycle.add(node);
                return cycle;
            }
            state.put(node, 1);
            stack.add(node);
            for (String next : edges.getOrDefault(node, List.of())) {
                List<String> found = cycleFrom(next, edges, state, stack);
                if (!found.isEmpty()) {
                    return found;
                }
            }
            stack.remove(stack.size() - 1);
            state.put(node, 2);
            return List.of();
        }

        void pin(String path, String visitId, Pin pin, Map<String, Shift> shifts,
                Map<String, Map<Integer, String>> pinsByShift) {
            if (pin == null) {
                return;
            }
            if (blank(pin.shiftId()) || !shifts.containsKey(pin.shiftId())) {
                error(path + ".shiftId", visitId, pin.shiftId() == null ? "a pin needs a shift id"
                        : "unknown shift '" + pin.shiftId() + "'");
                return;
            }
            if (pin.position() == null || pin.position() < 0) {
                error(path + ".position", visitId, "a pin needs a position of 0 or more");
                return;
            }
            if (pin.end() != null && pin.start() == null) {
                error(path + ".start", visitId, "a pinned visit with an end needs its actual start");
            } else if (pin.end() != null && pin.end().isBefore(pin.start())) {
                error(path + ".end", visitId, "the visit ends (" + pin.end() + ") before it started ("
                        + pin.start() + ")");
            }
            String previous = pinsByShift.computeIfAbsent(pin.shiftId(), k -> new HashMap<>())
                    .putIfAbsent(pin.position(), visitId);
            if (previous != null) {
                error(path + ".position", visitId, "visit '" + previous + "' is already pinned at position "
                        + pin.position() + " of shift '" + pin.shiftId() + "'");
            }
        }

        void references(String path, String visitId, List<String> technicianIds, Map<String, Technician> known) {
            for (int t = 0; t < technicianIds.size(); t++) {
                String technicianId = technicianIds.get(t);
                if (technicianId == null || !known.containsKey(technicianId)) {
                    error(path + "[" + t + "]", visitId, "unknown technician '" + technicianId + "'");
                }
            }
        }

        void skills(String path, String id, Map<String, Integer> skills, int minimum) {
            for (Map.Entry<String, Integer> skill : new TreeMap<>(skills).entrySet()) {
                if (skill.getValue() == null || skill.getValue() < minimum) {
                    error(path + "." + skill.getKey(), id, "skill level must be " + minimum + " or more, got "
                            + skill.getValue());
                }
            }
        }

        void location(String path, String id, Location location) {
            if ((location.lat() != null || location.lon() != null) && (location.x() != null || location.y() != null)) {
                error(path, id, "a location has either {\"lat\": .., \"lon\": ..} or {\"x\": .., \"y\": ..},"
                        + " not both");
                return;
            }
            if (travelMode == TravelMode.EUCLIDEAN) {
                if (!location.isCartesian()) {
                    error(path, id, "euclidean travel needs {\"x\": .., \"y\": ..} coordinates");
                } else if (!Double.isFinite(location.x()) || !Double.isFinite(location.y())) {
                    error(path, id, "coordinates must be finite numbers");
                }
                return;
            }
            if (!location.isGeographic()) {
                error(path, id, travelMode.jsonName() + " travel needs {\"lat\": .., \"lon\": ..} coordinates");
            } else if (!(location.lat() >= -90 && location.lat() <= 90)) {
                error(path + ".lat", id, "latitude must be between -90 and 90, got " + location.lat());
            } else if (!(location.lon() >= -180 && location.lon() <= 180)) {
                error(path + ".lon", id, "longitude must be between -180 and 180, got " + location.lon());
            }
        }

        boolean uniqueId(String path, String id, String kind, Set<String> seen) {
            if (blank(id)) {
                error(path + ".id", null, "the " + kind + " has no id");
                return false;
            }
            if (seen.contains(id)) {
                error(path + ".id", id, "duplicate " + kind + " id '" + id + "'");
                return false;
            }
            return true;
        }

        boolean required(String path, String id, Object value, String what) {
            if (value == null) {
                error(path, id, "the " + what + " is missing");
                return false;
            }
            return true;
        }

        boolean blank(String s) {
            return s == null || s.isBlank();
        }
    }

}
