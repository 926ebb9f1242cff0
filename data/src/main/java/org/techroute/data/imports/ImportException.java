package org.techroute.data.imports;

import java.util.List;

/** The import found errors; nothing was imported. */
public class ImportException extends Exception {

    private final transient List<ImportError> errors;

    public ImportException(List<ImportError> errors) {
        super(errors.size() + " error(s) in the import; nothing was imported: " + errors.get(0)
                + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : ""));
        this.errors = List.copyOf(errors);
    }

    public List<ImportError> errors() {
        return errors;
    }
}
