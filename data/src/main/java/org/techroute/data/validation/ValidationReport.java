package org.techroute.data.validation;

import java.util.List;

import org.techroute.data.model.Violation;

/** What validation found: errors stop solving, warnings are reported in the plan. */
public record ValidationReport(List<Violation> errors, List<Violation> warnings) {

    public boolean isValid() {
        return errors.isEmpty();
    }
}
