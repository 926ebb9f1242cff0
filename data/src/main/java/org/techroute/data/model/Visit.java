package org.techroute.data.model;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A service call.
 *
 * @param timeWindows    intervals in which service may start (none: any time in the shift)
 * @param requiredSkills skill name to minimum level
 * @param priority       default {@code NORMAL}
 * @param demand         per capacity dimension (optional; matches shifts' {@code capacity})
 * @param parts          the parts the visit needs, part name to quantity (optional; a van must carry them)
 * @param pin            set when the visit is started or done: it stays on that shift at that position
 * @param address        for people only (route sheet, calendar): techroute does not geocode, {@code location} places
 *                       the visit
 * @param notes          for the technician (route sheet, calendar); not used for planning
 * @param crewId         visits with the same crew id are served together by different technicians, all starting at
 *                       once (the latest to arrive sets the start), or none of them is served
 * @param after          visits this one must follow ({@link VisitAfter})
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Visit(String id, String customerName, Location location, Long serviceDurationSeconds,
        List<TimeWindow> timeWindows, Map<String, Integer> requiredSkills, List<String> requiredCertifications,
        Priority priority, List<String> requiredTechnicianIds, List<String> preferredTechnicianIds,
        List<String> excludedTechnicianIds, List<Integer> demand, Map<String, Integer> parts, Pin pin, String address,
        String notes, String crewId, List<VisitAfter> after) {

    /** A visit without crew or dependencies. */
    public Visit(String id, String customerName, Location location, Long serviceDurationSeconds,
            List<TimeWindow> timeWindows, Map<String, Integer> requiredSkills, List<String> requiredCertifications,
            Priority priority, List<String> requiredTechnicianIds, List<String> preferredTechnicianIds,
            List<String> excludedTechnicianIds, List<Integer> demand, Map<String, Integer> parts, Pin pin,
            String address, String notes) {
        this(id, customerName, location, serviceDurationSeconds, timeWindows, requiredSkills, requiredCertifications,
                priority, requiredTechnicianIds, preferredTechnicianIds, excludedTechnicianIds, demand, parts, pin,
                address, notes, null, null);
    }

    /** A visit without parts, address or notes. */
    public Visit(String id, String customerName, Location location, Long serviceDurationSeconds,
            List<TimeWindow> timeWindows, Map<String, Integer> requiredSkills, List<String> requiredCertifications,
            Priority priority, List<String> requiredTechnicianIds, List<String> preferredTechnicianIds,
            List<String> excludedTechnicianIds, List<Integer> demand, Pin pin) {
        this(id, customerName, location, serviceDurationSeconds, timeWindows, requiredSkills, requiredCertifications,
                priority, requiredTechnicianIds, preferredTechnicianIds, excludedTechnicianIds, demand, null, pin, null,
                null);
    }

    /** A visit without address or notes. */
    public Visit(String id, String customerName, Location location, Long serviceDurationSeconds,
            List<TimeWindow> timeWindows, Map<String, Integer> requiredSkills, List<String> requiredCertifications,
            Priority priority, List<String> requiredTechnicianIds, List<String> preferredTechnicianIds,
            List<String> excludedTechnicianIds, List<Integer> demand, Map<String, Integer> parts, Pin pin) {
        this(id, customerName, location, serviceDurationSeconds, timeWindows, requiredSkills, requiredCertifications,
                priority, requiredTechnicianIds, preferredTechnicianIds, excludedTechnicianIds, demand, parts, pin, null,
                null);
    }

    /** A visit without parts. */
    public Visit(String id, String customerName, Location location, Long serviceDurationSeconds,
            List<TimeWindow> timeWindows, Map<String, Integer> requiredSkills, List<String> requiredCertifications,
            Priority priority, List<String> requiredTechnicianIds, List<String> preferredTechnicianIds,
            List<String> excludedTechnicianIds, List<Integer> demand, Pin pin, String address, String notes) {
        this(id, customerName, location, serviceDurationSeconds, timeWindows, requiredSkills, requiredCertifications,
                priority, requiredTechnicianIds, preferredTechnicianIds, excludedTechnicianIds, demand, null, pin,
                address, notes);
    }

    public List<TimeWindow> timeWindowsOrEmpty() {
        return timeWindows == null ? List.of() : timeWindows;
    }

    public Map<String, Integer> requiredSkillsOrEmpty() {
        return requiredSkills == null ? Map.of() : requiredSkills;
    }

    public List<String> requiredCertificationsOrEmpty() {
        return requiredCertifications == null ? List.of() : requiredCertifications;
    }

    public Priority priorityOrDefault() {
        return priority == null ? Priority.NORMAL : priority;
    }

    public List<String> requiredTechnicianIdsOrEmpty() {
        return requiredTechnicianIds == null ? List.of() : requiredTechnicianIds;
    }

    public List<String> preferredTechnicianIdsOrEmpty() {
        return preferredTechnicianIds == null ? List.of() : preferredTechnicianIds;
    }

    public List<String> excludedTechnicianIdsOrEmpty() {
        return excludedTechnicianIds == null ? List.of() : excludedTechnicianIds;
    }

    public List<Integer> demandOrEmpty() {
        return demand == null ? List.of() : demand;
    }

    public Map<String, Integer> partsOrEmpty() {
        return parts == null ? Map.of() : parts;
    }

    /** This visit needing other parts (null: none). */
    public Visit withParts(Map<String, Integer> newParts) {
        return new Visit(id, customerName, location, serviceDurationSeconds, timeWindows, requiredSkills,
                requiredCertifications, priority, requiredTechnicianIds, preferredTechnicianIds, excludedTechnicianIds,
                demand, newParts, pin, address, notes, crewId, after);
    }

    /** This visit with another pin (null: not pinned). */
    public Visit withPin(Pin newPin) {
        return new Visit(id, customerName, location, serviceDurationSeconds, timeWindows, requiredSkills,
                requiredCertifications, priority, requiredTechnicianIds, preferredTechnicianIds, excludedTechnicianIds,
                demand, parts, newPin, address, notes, crewId, after);
    }

    /** This visit in crew {@code newCrewId} (null: none). */
    public Visit withCrewId(String newCrewId) {
        return new Visit(id, customerName, location, serviceDurationSeconds, timeWindows, requiredSkills,
                requiredCertifications, priority, requiredTechnicianIds, preferredTechnicianIds, excludedTechnicianIds,
                demand, parts, pin, address, notes, newCrewId, after);
    }

    /** This visit following {@code newAfter} (null: none). */
    public Visit withAfter(List<VisitAfter> newAfter) {
        return new Visit(id, customerName, location, serviceDurationSeconds, timeWindows, requiredSkills,
                requiredCertifications, priority, requiredTechnicianIds, preferredTechnicianIds, excludedTechnicianIds,
                demand, parts, pin, address, notes, crewId, newAfter);
    }

    public List<VisitAfter> afterOrEmpty() {
        return after == null ? List.of() : after;
    }
}
