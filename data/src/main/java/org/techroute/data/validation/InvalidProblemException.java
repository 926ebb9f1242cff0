package org.techroute.data.validation;

import java.util.List;
import java.util.stream.Collectors;

import org.techroute.data.model.Violation;

/** The problem is readable but cannot be solved as it is; {@link #violations()} says where and why. */
public class InvalidProblemException extends RuntimeException {

    private final transient List<Violation> violations;

    public InvalidProblemException(List<Violation> violations) {
        super(violations.size() + " problem(s) in the input: " + violations.stream().map(Violation::toString)
                .collect(Collectors.joining("; ")));
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
