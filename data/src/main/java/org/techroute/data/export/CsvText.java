package org.techroute.data.export;

import java.util.List;

/** Writes CSV as RFC 4180 says: comma-separated, CRLF line ends, fields quoted when they need it. */
public final class CsvText {

    private final StringBuilder out = new StringBuilder();

    /** Appends one record. Null fields are empty. */
    public CsvText row(List<?> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(field(fields.get(i)));
        }
        out.append("\r\n");
        return this;
    }

    /** One field, quoted (with doubled quotes) when it holds a comma, a quote, a line break or edge spaces. */
    public static String field(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        boolean quote = text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0
                || text.indexOf('\r') >= 0 || text.indexOf(';') >= 0
                || (!text.isEmpty() && (Character.isWhitespace(text.charAt(0))
                        || Character.isWhitespace(text.charAt(text.length() - 1))));
        return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
