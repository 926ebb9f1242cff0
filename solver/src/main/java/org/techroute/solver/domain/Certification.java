package org.techroute.solver.domain;

import java.time.LocalDate;

/**
 * A certification a technician holds, valid from {@code validFrom} to {@code validUntil} inclusive
 * (either end may be null for open-ended).
 */
public record Certification(String name, LocalDate validFrom, LocalDate validUntil) {

    public boolean isValidOn(LocalDate date) {
        return (validFrom == null || !date.isBefore(validFrom)) && (validUntil == null || !date.isAfter(validUntil));
    }
}
