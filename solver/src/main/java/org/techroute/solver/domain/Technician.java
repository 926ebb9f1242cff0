package org.techroute.solver.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A field technician: skills with levels and certifications. Immutable problem fact.
 */
public final class Technician {

    private final String id;
    private final Map<String, Integer> skillLevels;
    private final List<Certification> certifications;

    public Technician(String id, Map<String, Integer> skillLevels, List<Certification> certifications) {
        this.id = Objects.requireNonNull(id);
        this.skillLevels = Map.copyOf(skillLevels);
        this.certifications = List.copyOf(certifications);
    }

    public String getId() {
        return id;
    }

    public Map<String, Integer> getSkillLevels() {
        return skillLevels;
    }

    public List<Certification> getCertifications() {
        return certifications;
    }

    /** The technician's level in a skill, 0 if the technician lacks it. */
    public int skillLevel(String skill) {
        return skillLevels.getOrDefault(skill, 0);
    }

    public boolean hasValidCertification(String name, LocalDate date) {
        for (Certification certification : certifications) {
            if (certification.name().equals(name) && certification.isValidOn(date)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return id;
    }
}
