package org.techroute.api.exports;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.techroute.api.errors.ApiException;
import org.techroute.api.errors.ErrorTypes;
import org.techroute.data.imports.ImportException;

/** An import with errors as a 422 error document: {@code errors}, each with line, column, visit id and message. */
final class ImportErrors {

    static final URI INVALID_IMPORT = URI.create(ErrorTypes.BASE + "invalid-import");

    private ImportErrors() {
    }

    static ApiException of(ImportException e) {
        return new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, INVALID_IMPORT, "Invalid import",
                "the import has " + e.errors().size() + " error(s); nothing was imported")
                .with("errors", e.errors());
    }
}
