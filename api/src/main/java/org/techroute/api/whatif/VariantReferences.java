package org.techroute.api.whatif;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.techroute.data.model.Problem;
import org.techroute.data.model.Shift;
import org.techroute.data.model.Technician;
import org.techroute.data.model.Violation;
import org.techroute.data.whatif.Variant;
import org.techroute.data.whatif.WhatIfRequest;

/** A variant may remove only technicians and shifts the plan has: anything else is a typo, not a what-if. */
final class VariantReferences {

    private VariantReferences() {
    }

    static List<Violation> unknown(WhatIfRequest request, Problem base) {
        Set<String> technicians = base.techniciansOrEmpty().stream().map(Technician::id).collect(Collectors.toSet());
        Set<String> shifts = base.shiftsOrEmpty().stream().map(Shift::id).collect(Collectors.toSet());
        List<Violation> violations = new ArrayList<>();
        List<Variant> variants = request.variants();
        for (int v = 0; v < variants.size(); v++) {
            Variant variant = variants.get(v);
            String path = "$.variants[" + v + "]";
            check(violations, path + ".removeTechnicianIds", variant.removeTechnicianIds(), technicians,
                    "technician");
            check(violations, path + ".removeShiftIds", variant.removeShiftIds(), shifts, "shift");
        }
        return violations;
    }

    private static void check(List<Violation> violations, String path, List<String> ids, Set<String> known,
            String what) {
        if (ids == null) {
            return;
        }
        for (int i = 0; i < ids.size(); i++) {
            if (!known.contains(ids.get(i))) {
                violations.add(new Violation(path + "[" + i + "]", ids.get(i), "the plan has no " + what + " '"
                        + ids.get(i) + "'"));
            }
        }
    }
}
