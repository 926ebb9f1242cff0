package org.techroute.api.errors;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.techroute.data.json.ProblemFormatException;
import org.techroute.data.json.ProblemJson;
import org.techroute.data.model.Problem;
import org.techroute.data.model.Violation;
import org.techroute.data.model.Visit;

/**
 * Reads request bodies with the problem reader's error reporting (JSON path, entity id, plain message), so
 * that no parser or Java type name ever reaches a client.
 */
public final class JsonBodies {

    private JsonBodies() {
    }

    /** A problem (or plan) document; 400 {@code malformed-json} when it cannot be read. */
    public static Problem problem(byte[] body) {
        if (body == null || body.length == 0) {
            throw ApiException.malformed(new Violation("$", null, "the request body is empty"));
        }
        try {
            return ProblemJson.read(new ByteArrayInputStream(body));
        } catch (ProblemFormatException e) {
            throw ApiException.malformed(e.violation());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A JSON tree; 400 when it is not JSON. */
    public static JsonNode tree(byte[] body) {
        if (body == null || body.length == 0) {
            throw ApiException.malformed(new Violation("$", null, "the request body is empty"));
        }
        try {
            JsonNode tree = ProblemJson.mapper().readTree(body);
            if (tree == null || tree.isMissingNode()) {
                throw ApiException.malformed(new Violation("$", null, "the request body is empty"));
            }
            return tree;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            var at = e.getLocation();
            throw ApiException.malformed(new Violation("$", null, "malformed JSON" + (at == null ? ""
                    : " at line " + at.getLineNr() + ", column " + at.getColumnNr())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A visit at {@code path} of a request (e.g. {@code $} or {@code $.visit}), read like a problem's visit. */
    public static Visit visit(JsonNode node, String path) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            throw ApiException.malformed(new Violation(path, null, "the visit is missing"));
        }
        if (!node.isObject()) {
            throw ApiException.malformed(new Violation(path, null, "a visit must be a JSON object"));
        }
        ObjectNode wrapper = JsonNodeFactory.instance.objectNode();
        wrapper.putArray("visits").add(node);
        try {
            Problem problem = ProblemJson.fromTree(wrapper);
            return problem.visits().get(0);
        } catch (ProblemFormatException e) {
            Violation v = e.violation();
            throw ApiException.malformed(new Violation(rebase(v.path(), path), v.entityId(), v.message()));
        }
    }

    /** Rewrites {@code $.visits[index]...} paths of a wrapped single visit to where it was in the request. */
    public static List<Violation> rebase(List<Violation> violations, int index, String path) {
        String prefix = "$.visits[" + index + "]";
        return violations.stream().map(v -> v.path() != null && v.path().startsWith(prefix)
                ? new Violation(path + v.path().substring(prefix.length()), v.entityId(), v.message()) : v).toList();
    }

    private static String rebase(String violationPath, String path) {
        String prefix = "$.visits[0]";
        if (violationPath != null && violationPath.startsWith(prefix)) {
            return path + violationPath.substring(prefix.length());
        }
        return path;
    }
}
