package org.techroute.data.model;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A field technician.
 *
 * @param skills      skill name to level (1 = basic and up), e.g. {@code {"hvac": 3}}
 * @param home        where the technician's shifts start and end unless a shift says otherwise
 * @param costPerHour optional, informational (reported, not optimized)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Technician(String id, String name, Map<String, Integer> skills, List<Certification> certifications,
        Location home, Double costPerHour) {

    public Map<String, Integer> skillsOrEmpty() {
        return skills == null ? Map.of() : skills;
    }

    public List<Certification> certificationsOrEmpty() {
        return certifications == null ? List.of() : certifications;
    }
}
