package org.techroute.benchmarks.vrptw;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Best-known solutions from {@code bks.csv} ({@code instance,customers,vehicles,distance,source}) or
 * {@code bks_alternatives.csv} (the same plus {@code convention}). Instance names compare case-insensitively.
 */
public final class BksTable {

    /** One best-known solution; {@code vehicles} is null when the table gives none. */
    public record Bks(String instance, Integer vehicles, double distance, String convention) {
    }

    private final Map<String, Bks> byInstance;

    private BksTable(Map<String, Bks> byInstance) {
        this.byInstance = byInstance;
    }

    public static BksTable empty() {
        return new BksTable(Map.of());
    }

    /**
     * Reads a table; when it has a {@code convention} column only rows whose convention contains
     * {@code conventionSubstring} (case-insensitive) are kept, and the first such row per instance wins.
     */
    public static BksTable read(Path file, String conventionSubstring) {
        try {
            return parse(Files.readAllLines(file, StandardCharsets.UTF_8), conventionSubstring, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    static BksTable parse(List<String> lines, String conventionSubstring, String source) {
        if (lines.isEmpty()) {
            throw new IllegalArgumentException(source + ": empty BKS table");
        }
        List<String> header = split(lines.get(0));
        int instance = column(header, "instance", source);
        int vehicles = column(header, "vehicles", source);
        int distance = column(header, "distance", source);
        int convention = header.indexOf("convention");
        String wanted = conventionSubstring == null ? "" : conventionSubstring.toLowerCase(Locale.ROOT);
        Map<String, Bks> rows = new HashMap<>();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            List<String> fields = split(lines.get(i));
            if (fields.size() < header.size() - 1) {
                throw new IllegalArgumentException(source + " line " + (i + 1) + ": expected " + header.size()
                        + " fields, got " + fields.size());
            }
            String rowConvention = convention >= 0 ? fields.get(convention) : "";
            if (convention >= 0 && !rowConvention.toLowerCase(Locale.ROOT).contains(wanted)) {
                continue;
            }
            String name = fields.get(instance).toLowerCase(Locale.ROOT);
            String v = fields.get(vehicles).trim();
            Bks bks = new Bks(fields.get(instance), v.isEmpty() ? null : Integer.valueOf(v),
                    Double.parseDouble(fields.get(distance)), rowConvention);
            rows.putIfAbsent(name, bks);
        }
        return new BksTable(rows);
    }

    public Optional<Bks> find(String instanceName) {
        return Optional.ofNullable(byInstance.get(instanceName.toLowerCase(Locale.ROOT)));
    }

    public int size() {
        return byInstance.size();
    }

    private static int column(List<String> header, String name, String source) {
        int index = header.indexOf(name);
        if (index < 0) {
            throw new IllegalArgumentException(source + ": no '" + name + "' column in " + header);
        }
        return index;
    }

    /** Splits one CSV line; fields may be quoted with doubled quotes inside. */
    static List<String> split(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}
