package org.techroute.data.model;

import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One planning problem: technicians, their shifts, the visits to serve and how to solve. A plan is the same
 * document with {@code solution} filled in; solving a plan again starts from its routes.
 *
 * @param now when set, the moment the day is re-planned at: visits not started cannot start before it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "name", "now", "options", "technicians", "shifts", "visits", "solution" })
public record Problem(String name, OffsetDateTime now, Options options, List<Technician> technicians,
        List<Shift> shifts, List<Visit> visits, Solution solution) {

    /** A problem for the day's start (no {@code now}), without a solution. */
    public static Problem of(String name, Options options, List<Technician> technicians, List<Shift> shifts,
            List<Visit> visits) {
        return new Problem(name, null, options, technicians, shifts, visits, null);
    }

    public Options optionsOrDefaults() {
        return options == null ? Options.defaults() : options;
    }

    public List<Technician> techniciansOrEmpty() {
        return technicians == null ? List.of() : technicians;
    }

    public List<Shift> shiftsOrEmpty() {
        return shifts == null ? List.of() : shifts;
    }

    public List<Visit> visitsOrEmpty() {
        return visits == null ? List.of() : visits;
    }

    public Problem withName(String newName) {
        return new Problem(newName, now, options, technicians, shifts, visits, solution);
    }

    public Problem withOptions(Options newOptions) {
        return new Problem(name, now, newOptions, technicians, shifts, visits, solution);
    }

    public Problem withSolution(Solution newSolution) {
        return new Problem(name, now, options, technicians, shifts, visits, newSolution);
    }

    public Problem withNow(OffsetDateTime newNow) {
        return new Problem(name, newNow, options, technicians, shifts, visits, solution);
    }

    public Problem withResources(List<Technician> newTechnicians, List<Shift> newShifts, List<Visit> newVisits) {
        return new Problem(name, now, options, newTechnicians, newShifts, newVisits, solution);
    }
}
