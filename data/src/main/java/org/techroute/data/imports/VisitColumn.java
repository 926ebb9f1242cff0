package org.techroute.data.imports;

import java.util.Locale;
import java.util.Optional;

/**
 * The columns of a visits CSV file, as {@code docs/import.md} lists them. A header cell names a column by its name
 * in any case, with spaces or hyphens for the underscores ({@code Window Start} is {@code window_start}); other
 * headers are mapped to a column with a {@link ColumnMapping}, and headers that name no column are ignored.
 */
public enum VisitColumn {
    ID("id", "the visit's id, unique (required)"),
    CUSTOMER("customer", "the customer's name"),
    ADDRESS("address", "for people only: techroute does not geocode; lat and lon place the visit"),
    LAT("lat", "latitude, WGS84 degrees"),
    LON("lon", "longitude, WGS84 degrees"),
    X("x", "x in meters (euclidean problems, instead of lat/lon)"),
    Y("y", "y in meters (euclidean problems, instead of lat/lon)"),
    DURATION("duration", "service time: minutes (45), h:mm (1:30) or ISO-8601 (PT1H30M) (required)"),
    WINDOW_START("window_start", "when service may start at the earliest: ISO-8601 date-time; several windows"
            + " separated by ;"),
    WINDOW_END("window_end", "when service may start at the latest, one per window_start"),
    PRIORITY("priority", "CRITICAL, HIGH, NORMAL (default) or LOW; also urgent, highest, medium, lowest, P1-P4"),
    SKILLS("skills", "skill[:level] separated by ; (level 1 if left out), e.g. hvac:2;electrical"),
    CERTIFICATIONS("certifications", "certification names separated by ;"),
    REQUIRED_TECHNICIANS("required_technicians", "technician ids separated by ;: only these may serve it"),
    PREFERRED_TECHNICIANS("preferred_technicians", "technician ids separated by ;"),
    EXCLUDED_TECHNICIANS("excluded_technicians", "technician ids separated by ;"),
    DEMAND("demand", "van load per capacity dimension, whole numbers separated by ;"),
    NOTES("notes", "for the technician (route sheet, calendar)");

    private final String header;
    private final String meaning;

    VisitColumn(String header, String meaning) {
        this.header = header;
        this.meaning = meaning;
    }

    /** The column's name in a header line, e.g. {@code window_start}. */
    public String header() {
        return header;
    }

    public String meaning() {
        return meaning;
    }

    /** The column a header cell names by itself (case, spaces and hyphens aside), if any. */
    public static Optional<VisitColumn> byHeader(String cell) {
        String name = normalize(cell);
        for (VisitColumn column : values()) {
            if (column.header.equals(name)) {
                return Optional.of(column);
            }
        }
        return Optional.empty();
    }

    static String normalize(String cell) {
        return cell.strip().toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
    }
}
