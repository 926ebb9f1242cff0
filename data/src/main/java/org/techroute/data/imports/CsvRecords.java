package org.techroute.data.imports;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV text as RFC 4180 says, and a little more of what spreadsheets and ticketing systems write: a UTF-8
 * byte order mark, LF or CRLF line ends, quoted fields with doubled quotes and line breaks, and a semicolon
 * instead of a comma as separator when the header line has semicolons and no commas. Each record keeps the line
 * it starts on (1 = the header), so that errors can name it.
 */
public final class CsvRecords {

    /** One record: its fields and the line of the file it starts on. */
    public record Record(int line, List<String> fields) {
    }

    /** The text cannot be read as CSV at all (e.g. a quote never closed). */
    public static final class MalformedCsvException extends Exception {

        private final int line;

        MalformedCsvException(int line, String message) {
            super(message);
            this.line = line;
        }

        public int line() {
            return line;
        }
    }

    private CsvRecords() {
    }

    /** Every record of the text, blank lines left out. */
    public static List<Record> read(String text) throws MalformedCsvException {
        String csv = text.startsWith("\uFEFF") ? text.substring(1) : text;
        char separator = separator(csv);
        List<Record> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int line = 1;
        int recordLine = 1;
        boolean quoted = false;
        boolean wasQuoted = false;
        int quoteLine = 0;
        int i = 0;
        while (i < csv.length()) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                        field.append('"');
                        i += 2;
                        continue;
                    }
                    quoted = false;
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
                i++;
                continue;
            }
            if (c == '"') {
                if (field.toString().isBlank() && !wasQuoted) {
                    field.setLength(0);
                    quoted = true;
                    wasQuoted = true;
                    quoteLine = line;
                } else {
                    throw new MalformedCsvException(line, "a quote inside an unquoted field: quote the whole field"
                            + " and double the quotes inside it");
                }
            } else if (c == separator) {
                fields.add(field.toString());
                field.setLength(0);
                wasQuoted = false;
            } else if (c == '\r' || c == '\n') {
                fields.add(field.toString());
                field.setLength(0);
                wasQuoted = false;
                add(records, recordLine, fields);
                fields = new ArrayList<>();
                if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
                    i++;
                }
                line++;
                recordLine = line;
            } else if (wasQuoted) {
                if (!Character.isWhitespace(c)) {
                    throw new MalformedCsvException(line, "text after the closing quote of a field");
                }
            } else {
                field.append(c);
            }
            i++;
        }
        if (quoted) {
            throw new MalformedCsvException(quoteLine, "a quoted field is never closed");
        }
        if (!fields.isEmpty() || field.length() > 0 || wasQuoted) {
            fields.add(field.toString());
            add(records, recordLine, fields);
        }
        return records;
    }

    private static void add(List<Record> records, int line, List<String> fields) {
        boolean blank = fields.stream().allMatch(String::isBlank);
        if (!blank) {
            records.add(new Record(line, List.copyOf(fields)));
        }
    }

    private static char separator(String csv) {
        int end = 0;
        boolean quoted = false;
        while (end < csv.length()) {
            char c = csv.charAt(end);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                break;
            }
            end++;
        }
        String header = csv.substring(0, end);
        return header.indexOf(',') < 0 && header.indexOf(';') >= 0 ? ';' : ',';
    }
}
