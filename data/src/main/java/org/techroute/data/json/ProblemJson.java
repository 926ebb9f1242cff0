package org.techroute.data.json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import org.techroute.data.model.Location;
import org.techroute.data.model.Priority;
import org.techroute.data.model.Problem;
import org.techroute.data.model.TravelMode;
import org.techroute.data.model.Violation;

/**
 * Reads and writes problem and plan documents. Reading never leaks a parser's or a Java type's name: every
 * failure becomes a {@link Violation} with a JSON path, the id of the entity it is in, and a plain message.
 * Writing is deterministic (map keys sorted) so that the same plan gives the same bytes.
 */
public final class ProblemJson {

    private static final ObjectMapper MAPPER = configure(JsonMapper.builder()).build();

    private ProblemJson() {
    }

    /** Applies techroute's JSON conventions to a mapper builder (also used by the service's own mapper). */
    public static JsonMapper.Builder configure(JsonMapper.Builder builder) {
        return builder
                .addModule(new JavaTimeModule())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static Problem read(Path file) throws ProblemFormatException, IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        }
    }

    public static Problem read(String json) throws ProblemFormatException {
        try {
            return read(new java.io.ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Problem read(InputStream in) throws ProblemFormatException, IOException {
        return read(in, Problem.class, "a problem");
    }

    /**
     * Reads any techroute document (a problem, a what-if request, ...) with the same error reporting: a
     * violation with a JSON path, the id of the entity it is in, and a plain message.
     *
     * @param what how to call the document in messages, e.g. "a problem"
     */
    public static <T> T read(InputStream in, Class<T> type, String what) throws ProblemFormatException,
            IOException {
        JsonNode tree;
        try {
            tree = MAPPER.readTree(in);
        } catch (JsonProcessingException e) {
            throw new ProblemFormatException(new Violation("$", null, malformedMessage(e)));
        }
        if (tree == null || tree.isMissingNode()) {
            throw new ProblemFormatException(new Violation("$", null, "the document is empty"));
        }
        if (!tree.isObject()) {
            throw new ProblemFormatException(new Violation("$", null, what + " must be a JSON object"));
        }
        return fromTree(tree, type);
    }

    /** Converts an already parsed JSON tree into a problem, with the same error reporting as {@link #read}. */
    public static Problem fromTree(JsonNode tree) throws ProblemFormatException {
        return fromTree(tree, Problem.class);
    }

    public static <T> T fromTree(JsonNode tree, Class<T> type) throws ProblemFormatException {
        try {
            return MAPPER.treeToValue(tree, type);
        } catch (JsonMappingException e) {
            throw new ProblemFormatException(mappingViolation(tree, e));
        } catch (JsonProcessingException e) {
            throw new ProblemFormatException(new Violation("$", null, malformedMessage(e)));
        }
    }

    public static String write(Object document) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(document) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    /** Writes the document so that readers never see half of it (see {@link AtomicFiles}). */
    public static void writeAtomically(Object document, Path target) throws IOException {
        AtomicFiles.write(target, write(document));
    }

    private static String malformedMessage(JsonProcessingException e) {
        String original = e.getOriginalMessage();
        var location = e.getLocation();
        String where = location == null ? "" : " at line " + location.getLineNr() + ", column "
                + location.getColumnNr();
        String what = original == null ? "" : ": " + original
                .replaceAll("\\(start marker at \\[Source: [^\\]]*?line: (\\d+), column: (\\d+)\\]\\)",
                        "(opened at line $1, column $2)")
                .replaceAll("\\s*\\[Source: [^\\]]*\\]", "")
                .replaceAll("\\s*\\(for .*\\)", "")
                // the parser's hints name its own features ("enable `JsonReadFeature.X` to allow"): say what
                // JSON allows instead
                .replaceAll("Non-standard token '([^']*)'[^`]*`[^`]*`[^.;]*", "'$1' is not a number in JSON;"
                        + " numbers must be finite")
                .replaceAll(":?\\s*(?:enable|use) `[^`]*`(?: to allow)?[^.;]*", "")
                .replaceAll("`", "'")
                .replaceAll("\\s+", " ");
        return "malformed JSON" + where + what;
    }

    private static Violation mappingViolation(JsonNode tree, JsonMappingException e) {
        List<JsonMappingException.Reference> refs = e.getPath();
        StringBuilder path = new StringBuilder("$");
        for (JsonMappingException.Reference ref : refs) {
            if (ref.getFieldName() != null) {
                path.append('.').append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        String entityId = entityId(tree, refs);
        String message;
        if (e instanceof UnrecognizedPropertyException unknown) {
            message = "unknown field '" + unknown.getPropertyName() + "'";
        } else if (e instanceof com.fasterxml.jackson.databind.exc.InvalidTypeIdException typeId) {
            message = typeId.getTypeId() == null ? "the field 'type' is missing"
                    : "unknown type '" + typeId.getTypeId() + "'";
        } else if (e instanceof InvalidFormatException invalid) {
            message = "invalid value " + quote(invalid.getValue()) + ": expected " + describe(invalid.getTargetType());
        } else if (e instanceof MismatchedInputException mismatched) {
            message = "wrong type: expected " + describe(mismatched.getTargetType());
        } else {
            message = "invalid value";
        }
        return new Violation(path.toString(), entityId, message);
    }

    /** The id of the technician, shift or visit a path points into, read from the raw tree. */
    private static String entityId(JsonNode tree, List<JsonMappingException.Reference> refs) {
        if (refs.size() < 2 || refs.get(0).getFieldName() == null || refs.get(1).getIndex() < 0) {
            return null;
        }
        JsonNode entity = tree.path(refs.get(0).getFieldName()).path(refs.get(1).getIndex());
        JsonNode id = entity.has("id") ? entity.path("id") : entity.path("name");
        return id.isTextual() ? id.asText() : null;
    }

    private static String quote(Object value) {
        return value instanceof String ? "\"" + value + "\"" : String.valueOf(value);
    }

    private static final Map<Class<?>, String> TYPE_NAMES = Map.ofEntries(
            Map.entry(OffsetDateTime.class, "a date-time with offset, e.g. 2026-11-24T08:00:00+01:00"),
            Map.entry(LocalDate.class, "a date, e.g. 2026-11-24"),
            Map.entry(Duration.class, "an ISO-8601 duration, e.g. PT30S"),
            Map.entry(Long.class, "a whole number"),
            Map.entry(Integer.class, "a whole number"),
            Map.entry(long.class, "a whole number"),
            Map.entry(int.class, "a whole number"),
            Map.entry(Double.class, "a number"),
            Map.entry(double.class, "a number"),
            Map.entry(String.class, "a string"),
            Map.entry(Boolean.class, "true or false"),
            Map.entry(Location.class, "a location object {\"lat\": .., \"lon\": ..} or {\"x\": .., \"y\": ..}"),
            Map.entry(Priority.class, "one of CRITICAL, HIGH, NORMAL, LOW"),
            Map.entry(TravelMode.class, "one of road, haversine, euclidean"));

    private static String describe(Class<?> type) {
        if (type == null) {
            return "another type";
        }
        String known = TYPE_NAMES.get(type);
        if (known != null) {
            return known;
        }
        if (List.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        if (Map.class.isAssignableFrom(type)) {
            return "an object of names to values";
        }
        return "an object";
    }
}
