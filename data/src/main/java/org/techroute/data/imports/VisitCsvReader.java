package org.techroute.data.imports;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.techroute.data.model.Location;
import org.techroute.data.model.Priority;
import org.techroute.data.model.TimeWindow;
import org.techroute.data.model.Visit;

/**
 * Reads visits from CSV text ({@link VisitColumn} lists the columns). Every bad value is reported with its line and
 * column, all at once; a file with any error gives no visits. Addresses are kept for people but never geocoded: a
 * row with an address and no coordinates is an error that says which columns to fill.
 */
public final class VisitCsvReader {

    /** A visit and the line it was read from. */
    public record Row(int line, Visit visit) {
    }

    /**
     * The visits read, in file order.
     *
     * @param headers        the header, as written in the file, of each column read
     * @param ignoredHeaders headers that name no column (neither by name nor by the mapping): not read
     */
    public record Result(List<Row> rows, Map<VisitColumn, String> headers, List<String> ignoredHeaders) {
    }

    private static final Pattern MINUTES = Pattern.compile("\\d{1,6}");
    private static final Pattern HOURS_MINUTES = Pattern.compile("(\\d{1,4}):([0-5]\\d)");
    private static final Pattern SKILL = Pattern.compile("([^:]+?)\\s*(?::\\s*(-?\\d+))?");

    private final ColumnMapping mapping;
    private final ZoneId zone;

    /**
     * @param zone for date-times written without an offset (e.g. {@code 2026-11-24 08:00}); null: such times are
     *             errors
     */
    public VisitCsvReader(ColumnMapping mapping, ZoneId zone) {
        this.mapping = mapping == null ? ColumnMapping.none() : mapping;
        this.zone = zone;
    }

    /** The bytes of a CSV file as text: UTF-8 (with or without byte order mark); anything else is an error. */
    public static String decode(byte[] bytes) throws ImportException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            return decoder.decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            int line = 1;
            CharsetDecoder probe = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT);
            ByteBuffer in = ByteBuffer.wrap(bytes);
            java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length + 1);
            probe.decode(in, out, true);
            int valid = in.position();
            for (int i = 0; i < valid; i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            throw new ImportException(List.of(ImportError.atLine(line, "the file is not UTF-8 text: save or export"
                    + " it as CSV in UTF-8")));
        }
    }

    public Result read(String csv) throws ImportException {
        List<CsvRecords.Record> records;
        try {
            records = CsvRecords.read(csv == null ? "" : csv);
        } catch (CsvRecords.MalformedCsvException e) {
            throw new ImportException(List.of(ImportError.atLine(e.line(), e.getMessage())));
        }
        if (records.isEmpty()) {
            throw new ImportException(List.of(ImportError.atLine(1, "the file is empty: the first line must be a"
                    + " header naming the columns (id, customer, lat, lon, duration, ...)")));
        }
        List<ImportError> errors = new ArrayList<>();
        CsvRecords.Record header = records.get(0);
        Map<VisitColumn, Integer> index = new EnumMap<>(VisitColumn.class);
        Map<VisitColumn, String> headers = new EnumMap<>(VisitColumn.class);
        List<String> ignored = new ArrayList<>();
        Map<String, String> mappedSeen = new HashMap<>();
        for (int i = 0; i < header.fields().size(); i++) {
            String cell = header.fields().get(i);
            VisitColumn mapped = mapping.column(cell);
            if (mapped != null) {
                mappedSeen.put(ColumnMapping.key(cell), cell);
            }
            VisitColumn column = mapped != null ? mapped : VisitColumn.byHeader(cell).orElse(null);
            if (column == null) {
                if (!cell.isBlank()) {
                    ignored.add(cell.strip());
                }
                continue;
            }
            if (index.containsKey(column)) {
                errors.add(new ImportError(1, cell.strip(), column.header(), null, null, "column '"
                        + column.header() + "' is given twice: by '" + headers.get(column) + "' and by '"
                        + cell.strip() + "'"));
                continue;
            }
            index.put(column, i);
            headers.put(column, cell.strip());
        }
        for (String mapped : mapping.byHeader().keySet()) {
            if (!mappedSeen.containsKey(mapped)) {
                errors.add(new ImportError(1, null, mapping.byHeader().get(mapped).header(), null, null,
                        "the mapping names the header '" + mapped + "', which is not in the header line"));
            }
        }
        for (VisitColumn required : List.of(VisitColumn.ID, VisitColumn.DURATION)) {
            if (!index.containsKey(required)) {
                errors.add(new ImportError(1, null, required.header(), null, null, "the header has no column '"
                        + required.header() + "'" + (mapping.byHeader().isEmpty()
                                ? "; name it so, or map a header of the file to it (e.g. 'Ticket ID=id')" : "")));
            }
        }
        boolean located = index.containsKey(VisitColumn.LAT) && index.containsKey(VisitColumn.LON)
                || index.containsKey(VisitColumn.X) && index.containsKey(VisitColumn.Y);
        if (!located && !index.containsKey(VisitColumn.ADDRESS)) {
            errors.add(ImportError.atLine(1, "the header has no coordinates: columns 'lat' and 'lon' (WGS84 degrees)"
                    + " place each visit"));
        }
        for (VisitColumn one : List.of(VisitColumn.LAT, VisitColumn.LON, VisitColumn.X, VisitColumn.Y,
                VisitColumn.WINDOW_START, VisitColumn.WINDOW_END)) {
            VisitColumn other = switch (one) {
                case LAT -> VisitColumn.LON;
                case LON -> VisitColumn.LAT;
                case X -> VisitColumn.Y;
                case Y -> VisitColumn.X;
                case WINDOW_START -> VisitColumn.WINDOW_END;
                default -> VisitColumn.WINDOW_START;
            };
            if (index.containsKey(one) && !index.containsKey(other)) {
                errors.add(new ImportError(1, headers.get(one), one.header(), null, null, "column '" + one.header()
                        + "' needs column '" + other.header() + "' too"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ImportException(errors);
        }
        List<Row> rows = new ArrayList<>();
        Map<String, Integer> lineOfId = new LinkedHashMap<>();
        for (CsvRecords.Record record : records.subList(1, records.size())) {
            RowReader row = new RowReader(record, header.fields().size(), index, headers, errors);
            Visit visit = row.visit();
            if (visit != null && visit.id() != null) {
                Integer first = lineOfId.putIfAbsent(visit.id(), record.line());
                if (first != null) {
                    errors.add(new ImportError(record.line(), headers.get(VisitColumn.ID), VisitColumn.ID.header(),
                            visit.id(), null, "the visit id '" + visit.id() + "' is also on line " + first));
                }
            }
            if (visit != null) {
                rows.add(new Row(record.line(), visit));
            }
        }
        if (records.size() == 1) {
            errors.add(ImportError.atLine(1, "the file has a header but no visits"));
        }
        if (!errors.isEmpty()) {
            throw new ImportException(errors);
        }
        return new Result(List.copyOf(rows), headers, List.copyOf(ignored));
    }

    /** Reads the cells of one record, adding an error for each bad one. */
    private final class RowReader {

        private final CsvRecords.Record record;
        private final Map<VisitColumn, Integer> index;
        private final Map<VisitColumn, String> headers;
        private final List<ImportError> errors;
        private final int errorsBefore;
        private final int headerCount;
        private String visitId;

        RowReader(CsvRecords.Record record, int headerCount, Map<VisitColumn, Integer> index,
                Map<VisitColumn, String> headers, List<ImportError> errors) {
            this.record = record;
            this.headerCount = headerCount;
            this.index = index;
            this.headers = headers;
            this.errors = errors;
            this.errorsBefore = errors.size();
        }

        /** The row's visit, or null when any of its cells is bad. */
        Visit visit() {
            int width = record.fields().size();
            if (width > headerCount && record.fields().subList(headerCount, width).stream()
                    .anyMatch(f -> !f.isBlank())) {
                error(null, "the row has " + width + " fields, the header " + headerCount
                        + ": quote fields that hold commas");
                return null;
            }
            visitId = cell(VisitColumn.ID);
            if (visitId == null) {
                error(VisitColumn.ID, "the visit id is missing");
            }
            Location location = location();
            Long duration = duration();
            List<TimeWindow> windows = windows();
            Priority priority = priority();
            Map<String, Integer> skills = skills();
            List<String> certifications = list(VisitColumn.CERTIFICATIONS);
            List<String> required = list(VisitColumn.REQUIRED_TECHNICIANS);
            List<String> preferred = list(VisitColumn.PREFERRED_TECHNICIANS);
            List<String> excluded = list(VisitColumn.EXCLUDED_TECHNICIANS);
            List<Integer> demand = demand();
            if (errors.size() > errorsBefore) {
                return null;
            }
            return new Visit(visitId, cell(VisitColumn.CUSTOMER), location, duration, windows, skills, certifications,
                    priority, required, preferred, excluded, demand, null, cell(VisitColumn.ADDRESS),
                    rawCell(VisitColumn.NOTES));
        }

        private Location location() {
            String lat = cell(VisitColumn.LAT);
            String lon = cell(VisitColumn.LON);
            String x = cell(VisitColumn.X);
            String y = cell(VisitColumn.Y);
            if (lat != null || lon != null) {
                if (lat == null || lon == null) {
                    error(lat == null ? VisitColumn.LAT : VisitColumn.LON, "give both lat and lon, or neither");
                    return null;
                }
                Double latitude = coordinate(VisitColumn.LAT, lat, 90);
                Double longitude = coordinate(VisitColumn.LON, lon, 180);
                return latitude == null || longitude == null ? null : Location.ofLatLon(latitude, longitude);
            }
            if (x != null || y != null) {
                if (x == null || y == null) {
                    error(x == null ? VisitColumn.X : VisitColumn.Y, "give both x and y, or neither");
                    return null;
                }
                Double xValue = coordinate(VisitColumn.X, x, Double.MAX_VALUE);
                Double yValue = coordinate(VisitColumn.Y, y, Double.MAX_VALUE);
                return xValue == null || yValue == null ? null : Location.ofXy(xValue, yValue);
            }
            VisitColumn where = index.containsKey(VisitColumn.LAT) ? VisitColumn.LAT
                    : index.containsKey(VisitColumn.X) ? VisitColumn.X : null;
            if (cell(VisitColumn.ADDRESS) != null) {
                error(where == null ? VisitColumn.ADDRESS : where, "the row has an address but no coordinates;"
                        + " techroute does not geocode addresses: fill the columns lat and lon (WGS84 degrees, e.g."
                        + " 47.1410 and 9.5209) for this visit");
            } else {
                error(where, "the visit has no location: fill the columns lat and lon (WGS84 degrees)");
            }
            return null;
        }

        private Double coordinate(VisitColumn column, String text, double limit) {
            String number = text.indexOf(',') >= 0 && text.indexOf('.') < 0 && text.indexOf(',') == text
                    .lastIndexOf(',') ? text.replace(',', '.') : text;
            try {
                double value = new BigDecimal(number).doubleValue();
                if (Math.abs(value) > limit || !Double.isFinite(value)) {
                    error(column, "'" + text + "' is out of range (-" + (int) limit + " to " + (int) limit + ")");
                    return null;
                }
                return value;
            } catch (NumberFormatException e) {
                error(column, "'" + text + "' is not a number");
                return null;
            }
        }

        private Long duration() {
            String text = cell(VisitColumn.DURATION);
            if (text == null) {
                error(VisitColumn.DURATION, "the service duration is missing");
                return null;
            }
            if (MINUTES.matcher(text).matches()) {
                return Long.parseLong(text) * 60;
            }
            Matcher hm = HOURS_MINUTES.matcher(text);
            if (hm.matches()) {
                return Long.parseLong(hm.group(1)) * 3600 + Long.parseLong(hm.group(2)) * 60;
            }
            try {
                Duration duration = Duration.parse(text.toUpperCase(Locale.ROOT));
                if (!duration.isNegative()) {
                    return duration.getSeconds();
                }
            } catch (DateTimeParseException e) {
                // reported below
            }
            error(VisitColumn.DURATION, "'" + text + "' is not a duration: write minutes (45), h:mm (1:30) or"
                    + " ISO-8601 (PT1H30M)");
            return null;
        }

        private List<TimeWindow> windows() {
            String starts = cell(VisitColumn.WINDOW_START);
            String ends = cell(VisitColumn.WINDOW_END);
            if (starts == null && ends == null) {
                return null;
            }
            if (starts == null || ends == null) {
                error(starts == null ? VisitColumn.WINDOW_START : VisitColumn.WINDOW_END,
                        "a time window needs both window_start and window_end");
                return null;
            }
            List<String> startList = split(starts, ";");
            List<String> endList = split(ends, ";");
            if (startList.size() != endList.size()) {
                error(VisitColumn.WINDOW_END, startList.size() + " window start(s) but " + endList.size()
                        + " window end(s): give one end per start, separated by ;");
                return null;
            }
            List<TimeWindow> windows = new ArrayList<>();
            for (int i = 0; i < startList.size(); i++) {
                OffsetDateTime start = time(VisitColumn.WINDOW_START, startList.get(i));
                OffsetDateTime end = time(VisitColumn.WINDOW_END, endList.get(i));
                if (start != null && end != null) {
                    if (end.isBefore(start)) {
                        error(VisitColumn.WINDOW_END, "the window ends (" + endList.get(i) + ") before it starts ("
                                + startList.get(i) + ")");
                    }
                    windows.add(new TimeWindow(start, end));
                }
            }
            return windows;
        }

        private OffsetDateTime time(VisitColumn column, String text) {
            String iso = text.length() > 10 && text.charAt(10) == ' ' ? text.substring(0, 10) + 'T'
                    + text.substring(11) : text;
            try {
                return OffsetDateTime.parse(iso);
            } catch (DateTimeParseException e) {
                try {
                    LocalDateTime local = LocalDateTime.parse(iso);
                    if (zone == null) {
                        error(column, "'" + text + "' has no UTC offset: write it as 2026-11-24T08:00+01:00, or"
                                + " give the import a time zone (zone)");
                        return null;
                    }
                    return local.atZone(zone).toOffsetDateTime();
                } catch (DateTimeParseException notLocal) {
                    error(column, "'" + text + "' is not a date-time: write it as 2026-11-24T08:00+01:00");
                    return null;
                }
            }
        }

        private Priority priority() {
            String text = cell(VisitColumn.PRIORITY);
            if (text == null) {
                return null;
            }
            switch (text.toLowerCase(Locale.ROOT)) {
                case "critical", "urgent", "highest", "emergency", "p1", "1":
                    return Priority.CRITICAL;
                case "high", "p2", "2":
                    return Priority.HIGH;
                case "normal", "medium", "p3", "3":
                    return Priority.NORMAL;
                case "low", "lowest", "p4", "4", "p5", "5":
                    return Priority.LOW;
                default:
                    error(VisitColumn.PRIORITY, "'" + text + "' is not a priority: CRITICAL, HIGH, NORMAL or LOW");
                    return null;
            }
        }

        private Map<String, Integer> skills() {
            String text = cell(VisitColumn.SKILLS);
            if (text == null) {
                return null;
            }
            Map<String, Integer> skills = new LinkedHashMap<>();
            for (String item : split(text, "[;,|]")) {
                Matcher m = SKILL.matcher(item);
                if (!m.matches()) {
                    error(VisitColumn.SKILLS, "'" + item + "' is not skill or skill:level");
                    continue;
                }
                int level = 1;
                if (m.group(2) != null) {
                    try {
                        level = Integer.parseInt(m.group(2));
                    } catch (NumberFormatException e) {
                        level = 0;
                    }
                    if (level < 1) {
                        error(VisitColumn.SKILLS, "the level of '" + m.group(1).strip() + "' must be 1 or more, got "
                                + m.group(2));
                        continue;
                    }
                }
                if (skills.put(m.group(1).strip(), level) != null) {
                    error(VisitColumn.SKILLS, "the skill '" + m.group(1).strip() + "' is given twice");
                }
            }
            return skills;
        }

        private List<String> list(VisitColumn column) {
            String text = cell(column);
            return text == null ? null : split(text, "[;,|]");
        }

        private List<Integer> demand() {
            String text = cell(VisitColumn.DEMAND);
            if (text == null) {
                return null;
            }
            List<Integer> demand = new ArrayList<>();
            for (String item : split(text, "[;,|]")) {
                try {
                    int value = Integer.parseInt(item);
                    if (value < 0) {
                        throw new NumberFormatException();
                    }
                    demand.add(value);
                } catch (NumberFormatException e) {
                    error(VisitColumn.DEMAND, "'" + item + "' is not a whole number of 0 or more");
                }
            }
            return demand;
        }

        private List<String> split(String text, String separators) {
            List<String> items = new ArrayList<>();
            for (String item : text.split(separators)) {
                if (!item.isBlank()) {
                    items.add(item.strip());
                }
            }
            return items;
        }

        /** The trimmed cell, or null when the column is absent or the cell empty. */
        private String cell(VisitColumn column) {
            String raw = rawCell(column);
            return raw == null || raw.isBlank() ? null : raw.strip();
        }

        private String rawCell(VisitColumn column) {
            Integer i = index.get(column);
            if (i == null || i >= record.fields().size()) {
                return null;
            }
            String value = record.fields().get(i);
            return value.isBlank() ? null : value;
        }

        private void error(VisitColumn column, String message) {
            errors.add(new ImportError(record.line(), column == null ? null : headers.get(column),
                    column == null ? null : column.header(), visitId, null, message));
        }
    }
}
