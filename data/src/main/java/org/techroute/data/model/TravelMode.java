package org.techroute.data.model;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Where travel times come from. {@code road} (the default) uses the road graph of an OpenStreetMap extract;
 * the straight-line modes exist only when asked for by name.
 */
public enum TravelMode {
    /** Road travel time and distance from the configured OpenStreetMap extract. */
    ROAD,
    /** Great-circle distance at a constant speed ({@code options.haversineSpeedKmh}). */
    HAVERSINE,
    /** Euclidean distance between x/y coordinates, one unit per second (benchmark instances). */
    EUCLIDEAN;

    @JsonValue
    public String jsonName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
