package org.techroute.data.demo;

import java.time.LocalDate;
import java.time.ZoneOffset;

import org.techroute.data.model.TravelMode;

/**
 * What demo problem to generate.
 *
 * @param firstDay the first working day; shifts run 08:00–17:00 in {@code offset} on {@code days} days
 */
public record DemoSpec(String name, int technicians, int visits, int days, LocalDate firstDay, ZoneOffset offset,
        TravelMode travelMode, long seed) {

    public DemoSpec {
        if (technicians < 1 || visits < 0 || days < 1) {
            throw new IllegalArgumentException("need at least one technician and one day, and no negative visits");
        }
    }
}
