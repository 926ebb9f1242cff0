package org.techroute.data.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One planning problem: technicians, their shifts, the visits to serve and how to solve. A plan is the same
 * document with {@code solution} filled in; solving a plan again starts from its routes.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "name", "options", "technicians", "shifts", "visits", "solution" })
public record Problem(String name, Options options, List<Technician> technicians, List<Shift> shifts,
        List<Visit> visits, Solution solution) {

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

    public Problem withOptions(Options newOptions) {
        return new Problem(name, newOptions, technicians, shifts, visits, solution);
    }

    public Problem withSolution(Solution newSolution) {
        return new Problem(name, options, technicians, shifts, visits, newSolution);
    }
}
