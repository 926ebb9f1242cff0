package org.techroute.data.imports;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Which header of a CSV file holds which {@link VisitColumn}, for files whose headers are not techroute's own
 * (a ticketing system's export): written {@code "Ticket ID=id,Subject=customer,Due=window_end"}. Header names are
 * matched ignoring case and surrounding spaces.
 */
public final class ColumnMapping {

    private final Map<String, VisitColumn> byHeader;

    private ColumnMapping(Map<String, VisitColumn> byHeader) {
        this.byHeader = Collections.unmodifiableMap(byHeader);
    }

    public static ColumnMapping none() {
        return new ColumnMapping(new LinkedHashMap<>());
    }

    /**
     * Reads {@code "Header=column,Header=column"}.
     *
     * @throws IllegalArgumentException with a message for people when a pair is not {@code header=column}, names an
     *                                  unknown column, or maps a header twice
     */
    public static ColumnMapping parse(String text) {
        Map<String, VisitColumn> map = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return new ColumnMapping(map);
        }
        for (String pair : text.split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            int eq = pair.lastIndexOf('=');
            if (eq <= 0 || eq == pair.length() - 1 || pair.substring(0, eq).isBlank()) {
                throw new IllegalArgumentException("the mapping '" + pair.strip()
                        + "' is not HEADER=column, e.g. 'Ticket ID=id'");
            }
            String header = pair.substring(0, eq);
            String target = pair.substring(eq + 1);
            VisitColumn column = VisitColumn.byHeader(target).orElseThrow(() -> new IllegalArgumentException(
                    "the mapping '" + pair.strip() + "' names no column: '" + target.strip() + "' is not one of "
                            + columnNames()));
            if (map.put(key(header), column) != null) {
                throw new IllegalArgumentException("the header '" + header.strip() + "' is mapped twice");
            }
        }
        return new ColumnMapping(map);
    }

    /** Header (as matched) to column. */
    public Map<String, VisitColumn> byHeader() {
        return byHeader;
    }

    VisitColumn column(String header) {
        return byHeader.get(key(header));
    }

    static String key(String header) {
        return header.strip().toLowerCase(Locale.ROOT);
    }

    static String columnNames() {
        StringBuilder names = new StringBuilder();
        for (VisitColumn column : VisitColumn.values()) {
            names.append(names.length() == 0 ? "" : ", ").append(column.header());
        }
        return names.toString();
    }
}
