package org.techroute.data.imports;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One thing wrong with an import: a bad value in the visits CSV (its line and column), or a finding in the base
 * problem (its JSON path).
 *
 * @param line     the line of the CSV file, 1 = the header (null for the base problem)
 * @param column   the column's header as written in the file (null when the whole row or header is concerned)
 * @param field    techroute's name of the column, e.g. {@code window_start} (null when not one column)
 * @param visitId  the row's visit id, when it has one
 * @param path     for the base problem: the JSON path of the finding
 * @param message  what is wrong, for a person
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImportError(Integer line, String column, String field, String visitId, String path, String message) {

    static ImportError atLine(int line, String message) {
        return new ImportError(line, null, null, null, null, message);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        if (line != null) {
            text.append("line ").append(line);
            if (column != null) {
                text.append(", column '").append(column).append('\'');
                if (field != null && !field.equals(column)) {
                    text.append(" (").append(field).append(')');
                }
            }
        } else if (path != null) {
            text.append("base problem ").append(path);
        }
        if (visitId != null) {
            text.append(" [visit ").append(visitId).append(']');
        }
        return text.append(": ").append(message).toString();
    }
}
