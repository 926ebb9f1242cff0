package org.techroute.api.cli;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Re-checks a plan document from its JSON alone, without the solver's model: every served visit's skills,
 * certifications, technician rules and time windows (a started visit: its recorded times instead); each route's
 * shift hours, breaks, capacity and step timeline; every visit served at most once; crews (all or none, different
 * technicians, one start) and dependencies (after the other visit's end plus the delays, on its technician if
 * asked, unassigned with it).
 * Returns what is wrong, as sentences.
 */
public final class PlanChecker {

    private PlanChecker() {
    }

    public static List<String> check(JsonNode plan) {
        List<String> errors = new ArrayList<>();
        Map<String, JsonNode> technicians = byId(plan.path("technicians"));
        Map<String, JsonNode> shifts = byId(plan.path("shifts"));
        Map<String, JsonNode> visits = byId(plan.path("visits"));
        Set<String> served = new HashSet<>();
        JsonNode solution = plan.path("solution");
        for (JsonNode route : solution.path("routes")) {
            String shiftId = route.path("shiftId").asText();
            JsonNode shift = shifts.get(shiftId);
            if (shift == null) {
                errors.add("route of unknown shift " + shiftId);
                continue;
            }
            JsonNode technician = technicians.get(shift.path("technicianId").asText());
            checkRoute(route, shift, technician, visits, served, errors);
        }
        checkLinks(solution, visits, shifts, errors);
        Set<String> unassigned = new HashSet<>();
        solution.path("unassignedVisits").forEach(u -> unassigned.add(u.path("visitId").asText()));
        for (String id : visits.keySet()) {
            if (served.contains(id) == unassigned.contains(id)) {
                errors.add("visit " + id + " is " + (served.contains(id) ? "both served and unassigned"
                        : "neither served nor listed as unassigned"));
            }
        }
        return errors;
    }

    private static void checkRoute(JsonNode route, JsonNode shift, JsonNode technician, Map<String, JsonNode> visits,
            Set<String> served, List<String> errors) {
        String shiftId = shift.path("id").asText();
        JsonNode steps = route.path("steps");
        if (steps.isEmpty()) {
            if (!route.path("visitIds").isEmpty()) {
                errors.add(shiftId + ": visits without steps");
            }
            return;
        }
        OffsetDateTime shiftStart = time(shift.path("start"));
        OffsetDateTime latestEnd = time(shift.path("end")).plusSeconds(shift.path("maxOvertimeSeconds").asLong(0));
        OffsetDateTime cursor = shiftStart;
        long travelSeconds = 0;
        Map<String, Long> partsNeeded = new java.util.TreeMap<>();
        List<String> order = new ArrayList<>();
        long[] load = new long[shift.path("capacity").size()];
        Iterator<JsonNode> breakRules = shift.path("breaks").iterator();
        for (JsonNode step : steps) {
            OffsetDateTime start = time(step.path("start"));
            OffsetDateTime end = time(step.path("end"));
            if (!start.isEqual(cursor)) {
                errors.add(shiftId + ": step " + step.path("type").asText() + " starts at " + start
                        + ", previous step ended at " + cursor);
            }
            if (end.isBefore(start)) {
                errors.add(shiftId + ": step ends before it starts at " + start);
            }
            cursor = end;
            switch (step.path("type").asText()) {
                case "SERVICE" -> {
                    String visitId = step.path("visitId").asText();
                    order.add(visitId);
                    if (!served.add(visitId)) {
                        errors.add("visit " + visitId + " is served twice");
                    }
                    JsonNode visit = visits.get(visitId);
                    if (visit == null) {
                        errors.add(shiftId + ": unknown visit " + visitId);
                        continue;
                    }
                    checkService(shift, technician, visit, start, end, errors);
                    visit.path("parts").fields().forEachRemaining(part -> partsNeeded.merge(part.getKey(),
                            part.getValue().asLong(), Long::sum));
                    for (int d = 0; d < load.length; d++) {
                        load[d] += visit.path("demand").path(d).asLong(0);
                    }
                }
                case "BREAK" -> {
                    if (!breakRules.hasNext()) {
                        errors.add(shiftId + ": more breaks than the shift has");
                        continue;
                    }
                    JsonNode rule = breakRules.next();
                    if (start.isBefore(time(rule.path("earliestStart")))
                            || start.isAfter(time(rule.path("latestStart")))) {
                        errors.add(shiftId + ": break at " + start + " outside its window");
                    }
                    if (java.time.Duration.between(start, end).toSeconds() != rule.path("durationSeconds").asLong()) {
                        errors.add(shiftId + ": break at " + start + " has the wrong duration");
                    }
                }
                case "TRAVEL" -> travelSeconds += java.time.Duration.between(start, end).toSeconds();
                case "WAIT" -> {
                }
                default -> errors.add(shiftId + ": unknown step type " + step.path("type").asText());
            }
        }
        if (cursor.isAfter(latestEnd)) {
            errors.add(shiftId + ": the day ends at " + cursor + ", after shift end plus maximum overtime "
                    + latestEnd);
        }
        if (!time(route.path("end")).isEqual(cursor)) {
            errors.add(shiftId + ": route end " + route.path("end").asText() + " is not the last step's end");
        }
        List<String> listed = new ArrayList<>();
        route.path("visitIds").forEach(id -> listed.add(id.asText()));
        if (!listed.equals(order)) {
            errors.add(shiftId + ": visitIds " + listed + " differ from the served order " + order);
        }
        partsNeeded.forEach((part, needed) -> {
            long carried = shift.path("vanStock").path(part).asLong(0);
            if (needed > carried) {
                errors.add(shiftId + ": the visits need " + needed + " of part " + part + ", the van carries "
                        + carried);
            }
        });
        if (shift.has("maxTravelSeconds") && travelSeconds > shift.path("maxTravelSeconds").asLong()) {
            errors.add(shiftId + ": the route drives " + travelSeconds + " s, more than its limit of "
                    + shift.path("maxTravelSeconds").asLong() + " s");
        }
        for (int d = 0; d < load.length; d++) {
            if (load[d] > shift.path("capacity").path(d).asLong()) {
                errors.add(shiftId + ": load " + load[d] + " exceeds capacity in dimension " + d);
            }
        }
    }

    private static void checkService(JsonNode shift, JsonNode technician, JsonNode visit, OffsetDateTime start,
            OffsetDateTime end, List<String> errors) {
        String visitId = visit.path("id").asText();
        String technicianId = technician.path("id").asText();
        JsonNode pin = visit.path("pin");
        boolean started = pin.hasNonNull("start");
        if (started) {
            // a started visit's times are facts: from its actual start to its recorded (or expected) end
            OffsetDateTime factStart = time(pin.path("start"));
            OffsetDateTime factEnd = pin.hasNonNull("end") ? time(pin.path("end"))
                    : factStart.plusSeconds(visit.path("serviceDurationSeconds").asLong());
            if (!start.isEqual(factStart) || !end.isEqual(factEnd)) {
                errors.add(visitId + ": started, served " + start + " to " + end + " instead of " + factStart
                        + " to " + factEnd);
            }
        } else if (java.time.Duration.between(start, end).toSeconds()
                != visit.path("serviceDurationSeconds").asLong()) {
            errors.add(visitId + ": service lasts " + java.time.Duration.between(start, end).toSeconds() + " s");
        }
        visit.path("requiredSkills").fields().forEachRemaining(skill -> {
            int level = technician.path("skills").path(skill.getKey()).asInt(0);
            if (level < skill.getValue().asInt()) {
                errors.add(visitId + ": needs " + skill.getKey() + " " + skill.getValue().asInt() + ", "
                        + technicianId + " has " + level);
            }
        });
        // the local date of the service start, in the offset of the shift's start time
        var date = start.atZoneSameInstant(time(shift.path("start")).getOffset()).toLocalDate();
        for (JsonNode required : visit.path("requiredCertifications")) {
            boolean valid = false;
            for (JsonNode held : technician.path("certifications")) {
                if (held.path("name").asText().equals(required.asText())
                        && (held.path("validFrom").isMissingNode()
                                || !date.isBefore(java.time.LocalDate.parse(held.path("validFrom").asText())))
                        && (held.path("validUntil").isMissingNode()
                                || !date.isAfter(java.time.LocalDate.parse(held.path("validUntil").asText())))) {
                    valid = true;
                }
            }
            if (!valid) {
                errors.add(visitId + ": " + technicianId + " has no valid " + required.asText() + " on " + date);
            }
        }
        if (visit.path("timeWindows").size() > 0 && !started) { // a started visit's window is no longer checked
            boolean inWindow = false;
            for (JsonNode window : visit.path("timeWindows")) {
                if (!start.isBefore(time(window.path("start"))) && !start.isAfter(time(window.path("end")))) {
                    inWindow = true;
                }
            }
            if (!inWindow) {
                errors.add(visitId + ": service starts at " + start + ", outside every time window");
            }
        }
        Set<String> required = new HashSet<>();
        visit.path("requiredTechnicianIds").forEach(id -> required.add(id.asText()));
        if (!required.isEmpty() && !required.contains(technicianId)) {
            errors.add(visitId + ": served by " + technicianId + ", not a required technician");
        }
        visit.path("excludedTechnicianIds").forEach(id -> {
            if (id.asText().equals(technicianId)) {
                errors.add(visitId + ": served by excluded technician " + technicianId);
            }
        });
    }

    /** Where and when a visit is served. */
    private record Served(String technicianId, OffsetDateTime start, OffsetDateTime end) {
    }

    private static void checkLinks(JsonNode solution, Map<String, JsonNode> visits, Map<String, JsonNode> shifts,
            List<String> errors) {
        Map<String, Served> served = new HashMap<>();
        for (JsonNode route : solution.path("routes")) {
            JsonNode shift = shifts.get(route.path("shiftId").asText());
            if (shift == null) {
                continue;
            }
            for (JsonNode step : route.path("steps")) {
                if (step.path("type").asText().equals("SERVICE")) {
                    served.put(step.path("visitId").asText(), new Served(shift.path("technicianId").asText(),
                            time(step.path("start")), time(step.path("end"))));
                }
            }
        }
        Map<String, List<String>> crews = new java.util.TreeMap<>();
        visits.values().forEach(visit -> {
            if (visit.hasNonNull("crewId")) {
                crews.computeIfAbsent(visit.path("crewId").asText(), k -> new ArrayList<>()).add(visit.path("id")
                        .asText());
            }
        });
        crews.forEach((crewId, members) -> {
            List<Served> times = members.stream().map(served::get).filter(java.util.Objects::nonNull).toList();
            if (times.isEmpty()) {
                return;
            }
            if (times.size() != members.size()) {
                errors.add("crew " + crewId + ": " + times.size() + " of its " + members.size() + " visits served");
            }
            if (times.stream().map(Served::technicianId).distinct().count() != times.size()) {
                errors.add("crew " + crewId + ": one technician serves two of its visits");
            }
            if (times.stream().map(t -> t.start().toInstant()).distinct().count() != 1) {
                errors.add("crew " + crewId + ": its visits start at different times "
                        + times.stream().map(Served::start).toList());
            }
        });
        for (JsonNode visit : visits.values()) {
            String id = visit.path("id").asText();
            for (JsonNode after : visit.path("after")) {
                String beforeId = after.path("visitId").asText();
                Served first = served.get(beforeId);
                Served second = served.get(id);
                if (second == null) {
                    continue;
                }
                if (first == null) {
                    errors.add(id + ": served, but visit " + beforeId + " it follows is not");
                    continue;
                }
                OffsetDateTime earliest = first.end().plusSeconds(after.path("minDelaySeconds").asLong(0));
                if (second.start().isBefore(earliest)) {
                    errors.add(id + ": starts at " + second.start() + ", before " + earliest + " (after " + beforeId
                            + ")");
                }
                if (after.hasNonNull("maxDelaySeconds")
                        && second.start().isAfter(first.end().plusSeconds(after.path("maxDelaySeconds").asLong()))) {
                    errors.add(id + ": starts at " + second.start() + ", too long after " + beforeId);
                }
                if (after.path("sameTechnician").asBoolean(false)
                        && !first.technicianId().equals(second.technicianId())) {
                    errors.add(id + ": served by " + second.technicianId() + ", visit " + beforeId + " by "
                            + first.technicianId());
                }
            }
        }
    }

    private static Map<String, JsonNode> byId(JsonNode array) {
        Map<String, JsonNode> map = new HashMap<>();
        array.forEach(node -> map.put(node.path("id").asText(), node));
        return map;
    }

    private static OffsetDateTime time(JsonNode node) {
        return OffsetDateTime.parse(node.asText());
    }
}
