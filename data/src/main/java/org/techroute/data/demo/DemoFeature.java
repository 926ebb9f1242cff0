package org.techroute.data.demo;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.techroute.data.model.Problem;
import org.techroute.data.model.Shift;

/**
 * Optional parts of a demo problem, off by default so that a demo of a given seed stays what it was. Each is applied
 * to the generated problem, deterministically.
 */
public enum DemoFeature {

    /** Every shift drives at most an hour ({@code maxTravelSeconds} 3600). */
    TRAVEL_LIMIT("travel-limit");

    /** The driving limit of {@link #TRAVEL_LIMIT}. */
    public static final long DEMO_MAX_TRAVEL_SECONDS = 3600;

    private final String id;

    DemoFeature(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** The features named in a comma-separated list such as {@code travel-limit,parts}; empty for null or blank. */
    public static Set<DemoFeature> parse(String list) {
        Set<DemoFeature> features = EnumSet.noneOf(DemoFeature.class);
        if (list == null || list.isBlank()) {
            return features;
        }
        for (String name : list.split(",")) {
            String wanted = name.trim().toLowerCase(Locale.ROOT);
            DemoFeature feature = null;
            for (DemoFeature candidate : values()) {
                if (candidate.id.equals(wanted)) {
                    feature = candidate;
                }
            }
            if (feature == null) {
                throw new IllegalArgumentException("unknown demo feature '" + name.trim() + "'; known: " + ids());
            }
            features.add(feature);
        }
        return features;
    }

    public static List<String> ids() {
        List<String> ids = new ArrayList<>();
        for (DemoFeature feature : values()) {
            ids.add(feature.id);
        }
        return ids;
    }

    /** The problem with the given features added. */
    public static Problem apply(Problem problem, Set<DemoFeature> features) {
        if (features.isEmpty()) {
            return problem;
        }
        List<Shift> shifts = problem.shiftsOrEmpty();
        if (features.contains(TRAVEL_LIMIT)) {
            shifts = shifts.stream().map(s -> s.withMaxTravelSeconds(DEMO_MAX_TRAVEL_SECONDS)).toList();
        }
        return problem.withResources(problem.techniciansOrEmpty(), shifts, problem.visitsOrEmpty());
    }
}
