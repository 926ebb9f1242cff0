package org.techroute.data.model;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A certification held by a technician, valid between two dates inclusive (either may be omitted). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Certification(String name, LocalDate validFrom, LocalDate validUntil) {
}
