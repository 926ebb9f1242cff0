package org.techroute.data.json;

import org.techroute.data.model.Violation;

/** The input is not a readable problem document (malformed JSON, wrong type, unknown field). */
public class ProblemFormatException extends Exception {

    private final transient Violation violation;

    public ProblemFormatException(Violation violation) {
        super(violation.toString());
        this.violation = violation;
    }

    public Violation violation() {
        return violation;
    }
}
