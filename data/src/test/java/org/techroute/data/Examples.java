package org.techroute.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.techroute.data.json.ProblemFormatException;
import org.techroute.data.json.ProblemJson;
import org.techroute.data.model.Problem;

/** The documented example problem, as a tree to edit and as a problem. */
public final class Examples {

    public static final Path SMALL_PROBLEM = Path.of("../docs/examples/small-problem.json");

    private Examples() {
    }

    public static ObjectNode smallProblemTree() {
        try {
            return (ObjectNode) ProblemJson.mapper().readTree(Files.readString(SMALL_PROBLEM));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Problem problem(ObjectNode tree) {
        try {
            return ProblemJson.fromTree(tree);
        } catch (ProblemFormatException e) {
            throw new AssertionError("example does not parse: " + e.violation(), e);
        }
    }

    public static Problem smallProblem() {
        return problem(smallProblemTree());
    }
}
