package org.techroute.data.whatif;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.techroute.data.model.Shift;
import org.techroute.data.model.Technician;

/**
 * One "what if" applied to a base problem. Every field is optional; an empty variant is the base itself.
 *
 * @param name                  shown in the comparison (required, unique)
 * @param addTechnicians        technicians to add (give them shifts in {@code addShifts})
 * @param addShifts             shifts to add
 * @param removeTechnicianIds   technicians to remove, with their shifts
 * @param removeShiftIds        shifts to remove
 * @param shiftEndDeltaSeconds  move every shift's end by this much (negative: shorter days)
 * @param constraintWeights     weight overrides, merged over the base problem's
 * @param timeLimit             solving time for this variant (default: the base problem's)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Variant(String name, List<Technician> addTechnicians, List<Shift> addShifts,
        List<String> removeTechnicianIds, List<String> removeShiftIds, Long shiftEndDeltaSeconds,
        Map<String, Long> constraintWeights, Duration timeLimit) {

    public static Variant baseline(String name) {
        return new Variant(name, null, null, null, null, null, null, null);
    }
}
