package org.techroute.api.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.techroute.api.security.ApiKeys;
import org.techroute.api.security.Role;
import org.techroute.api.support.RawHttp;

/**
 * Fuzzes the HTTP surface on loopback, generated from the service's own OpenAPI document: every operation with
 * odd path ids, query values and bodies (mutations of valid documents and random JSON), as an admin, a viewer and
 * nobody, plus raw odd paths. Bounded in count ({@link #MAX_REQUESTS}) and time ({@link #BUDGET}), with a fixed
 * seed. No answer may be a 5xx, every error must be a problem document, and the service must be healthy after.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HttpFuzzTest {

    static final int MAX_REQUESTS = 1_500;
    static final Duration BUDGET = Duration.ofSeconds(90);
    static final long SEED = 15;
    static final Path DATA_DIR;

    static {
        try {
            DATA_DIR = Files.createTempDirectory("techroute-fuzz");
        } catch (IOException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("techroute.data-dir", DATA_DIR::toString);
        registry.add("techroute.security.api-keys.enabled", () -> "true");
        // valid bodies may slip through: keep what they can cost small
        registry.add("techroute.limits.max-time-limit", () -> "PT3S");
        registry.add("techroute.api.what-if-max-total-time", () -> "PT3S");
        registry.add("techroute.solver.queue-length", () -> "3");
    }

    @LocalServerPort
    int port;
    @Autowired
    ApiKeys keys;

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final ObjectMapper json = new ObjectMapper();
    final Random random = new Random(SEED);
    final Map<String, String> failures = new LinkedHashMap<>();
    int sent;

    static final List<String> ODD_IDS = List.of("x", "", " ", "..", "%2e%2e", "a%20b", "%C3%A9t%C3%A9", "0", "-1",
            "null", "%7B%7D", "a".repeat(300), "%E2%80%AE", "'%20OR%201=1--", "%3Cscript%3E", "a;b", "a%3Bb",
            "9223372036854775808");
    static final List<String> ODD_VALUES = List.of("", "-5", "0", "1", "2147483648", "-2147483649", "abc", "1e3",
            "true", "NaN", "%00", "%FF", "a".repeat(2_000), "PT1S", "P3650D", "html", "json", "%22%7D");
    static final List<String> ODD_PATHS = List.of("/api/plans/a%2Fb", "/api/plans/a\\b", "/api/plans/%00",
            "/api/plans/%FF", "/api/plans/%", "/api/../api/plans", "/api/plans//x", "/api/plans/x/../../keys",
            "/api/plans;jsessionid=1", "/api/PLANS", "/api/plans/x/unknown", "/api/%2e%2e/keys", "/api",
            "/api/", "/actuator/env", "/actuator/heapdump", "/actuator/shutdown", "/api/plans?limit=1&limit=2");

    @Test
    void noFiveHundredsEveryErrorAProblemAndHealthyAfter() throws Exception {
        String admin = keys.create("fuzz-admin", Role.ADMIN, null, "fuzz").key();
        String viewer = keys.create("fuzz-viewer", Role.VIEWER, null, "fuzz").key();
        JsonNode api = json.readTree(get("/v3/api-docs", admin).body());
        String planId = submitValidPlan(admin);
        List<String[]> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = api.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<String> methods = path.getValue().fieldNames(); methods.hasNext(); ) {
                operations.add(new String[] { path.getKey(), methods.next() });
            }
        }
        assertThat(operations).hasSizeGreaterThan(15);
        long deadline = System.nanoTime() + BUDGET.toNanos();
        for (String odd : ODD_PATHS) {
            for (String method : List.of("GET", "POST", "TRACE")) {
                RawHttp.Response response = RawHttp.send(port, method, odd, Map.of("X-API-Key", admin));
                sent++;
                check(method + " " + odd, response.status(), response.contentType(), response.body());
            }
        }
        while (sent < MAX_REQUESTS && System.nanoTime() < deadline) {
            String[] operation = operations.get(random.nextInt(operations.size()));
            JsonNode spec = api.path("paths").path(operation[0]).path(operation[1]);
            String key = switch (random.nextInt(10)) {
                case 0 -> null;
                case 1 -> viewer;
                case 2 -> "trk_" + random.nextInt();
                default -> admin;
            };
            fuzz(operation[0], operation[1].toUpperCase(), spec, key, planId);
        }
        assertThat(failures).as("requests answered with a 5xx or an error that is not a problem document (seed "
                + SEED + ", " + sent + " requests)").isEmpty();
        assertThat(sent).isGreaterThan(100);
        HttpResponse<String> health = get("/actuator/health", null);
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(json.readTree(health.body()).path("status").asText()).isEqualTo("UP");
        assertThat(get("/api/plans/" + planId + "/status", viewer).statusCode()).isIn(200, 404);
    }

    private String submitValidPlan(String admin) throws Exception {
        ObjectNode problem = (ObjectNode) json.readTree(Path.of("../docs/examples/small-problem.json").toFile());
        ((ObjectNode) problem.get("options")).put("stepLimit", 20).put("timeLimit", "PT2S");
        HttpResponse<String> response = send("POST", "/api/plans", problem.toString(), admin);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return json.readTree(response.body()).path("id").asText();
    }

    private void fuzz(String template, String method, JsonNode spec, String key, String planId) throws Exception {
        String path = template;
        for (String name : List.of("{id}", "{changeId}", "{technicianId}")) {
            if (path.contains(name)) {
                path = path.replace(name, random.nextInt(3) == 0 ? planId : pick(ODD_IDS));
            }
        }
        StringBuilder query = new StringBuilder();
        for (JsonNode parameter : spec.path("parameters")) {
            if ("query".equals(parameter.path("in").asText()) && random.nextBoolean()) {
                query.append(query.length() == 0 ? "?" : "&").append(parameter.path("name").asText()).append('=')
                        .append(pick(ODD_VALUES));
            }
        }
        String body = spec.has("requestBody") || random.nextInt(8) == 0 ? body(template) : null;
        String target = path + query;
        HttpResponse<String> response;
        try {
            response = send(method, target, body, key);
        } catch (IllegalArgumentException e) {
            // java.net.URI refuses it: send it raw
            RawHttp.Response raw = RawHttp.send(port, method, target, key == null ? Map.of() : Map.of("X-API-Key",
                    key));
            sent++;
            check(method + " " + target, raw.status(), raw.contentType(), raw.body());
            return;
        } catch (IOException e) {
            sent++;
            failures.putIfAbsent(method + " " + target + (body == null ? "" : " " + abbreviate(body)),
                    "the answer broke off: " + e.getMessage());
            return;
        }
        sent++;
        check(method + " " + target + (body == null ? "" : " " + abbreviate(body)), response.statusCode(),
                response.headers().firstValue("Content-Type").orElse(""), response.body());
    }

    private void check(String what, int status, String contentType, String body) {
        if (status >= 500) {
            failures.putIfAbsent(what, status + " " + abbreviate(body));
        } else if (status >= 400 && !contentType.startsWith("application/problem+json")) {
            failures.putIfAbsent(what, status + " with " + contentType + ": " + abbreviate(body));
        } else if (status >= 400 && (body.contains("Exception") || body.contains("at org.") || body.contains(
                "com.fasterxml"))) {
            failures.putIfAbsent(what, status + " leaks internals: " + abbreviate(body));
        } else if (status < 100) {
            failures.putIfAbsent(what, "no answer");
        }
    }

    /** A body for an operation: a mutated valid document, or random JSON, or not JSON at all. */
    private String body(String template) throws IOException {
        int kind = random.nextInt(10);
        if (kind == 0) {
            return pick(List.of("", "{", "[]", "null", "\"text\"", "42", "{\"a\":NaN}", "{\"a\":1,\"a\":2}",
                    "\u0000", "{\"x\":" + "[".repeat(2_000) + "]".repeat(2_000) + "}"));
        }
        if (kind < 4) {
            return randomJson(3).toString();
        }
        JsonNode valid = switch (template) {
            case "/api/plans" -> json.readTree(Path.of("../docs/examples/small-problem.json").toFile());
            case "/api/plans/{id}/changes" -> json.readTree("{\"changes\": [{\"type\": \"ADD_VISIT\", \"visit\":"
                    + " {\"id\": \"f1\", \"location\": {\"lat\": 47.1, \"lon\": 9.5}, \"serviceDurationSeconds\":"
                    + " 600}}, {\"type\": \"CANCEL_VISIT\", \"visitId\": \"v2\"}]}");
            case "/api/plans/{id}/what-if" -> json.readTree("{\"variants\": [{\"name\": \"a\","
                    + " \"removeTechnicianIds\": [\"ben\"], \"timeLimit\": \"PT1S\"}]}");
            case "/api/plans/{id}/recommendations" -> json.readTree("{\"id\": \"r1\", \"location\": {\"lat\": 47.1,"
                    + " \"lon\": 9.5}, \"serviceDurationSeconds\": 600}");
            case "/api/plans/{id}/recommendations/apply" -> json.readTree("{\"visit\": {\"id\": \"r2\", \"location\":"
                    + " {\"lat\": 47.1, \"lon\": 9.5}, \"serviceDurationSeconds\": 600}, \"shiftId\": \"anna-mon\","
                    + " \"position\": 0}");
            case "/api/plans/{id}/nightly" -> json.readTree("{\"enabled\": true}");
            case "/api/keys" -> json.readTree("{\"name\": \"k\", \"role\": \"viewer\"}");
            default -> randomJson(2);
        };
        JsonNode mutated = valid.deepCopy();
        for (int i = random.nextInt(4); i >= 0; i--) {
            mutate(mutated);
        }
        if (mutated.path("options").isObject()) {
            ((ObjectNode) mutated.get("options")).put("stepLimit", 20);
        }
        return mutated.toString();
    }

    /** Replaces, removes or adds one field somewhere in the tree. */
    private void mutate(JsonNode node) {
        List<JsonNode> containers = new ArrayList<>();
        collect(node, containers);
        if (containers.isEmpty()) {
            return;
        }
        JsonNode target = containers.get(random.nextInt(containers.size()));
        if (target instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            if (names.isEmpty() || random.nextInt(4) == 0) {
                object.set(pick(List.of("x", "id", "lat", "technicianId", "$ref", "__proto__")), randomJson(1));
            } else if (random.nextInt(3) == 0) {
                object.remove(pick(names));
            } else {
                object.set(pick(names), randomJson(1));
            }
        } else if (target instanceof ArrayNode array) {
            if (array.isEmpty() || random.nextBoolean()) {
                array.add(randomJson(1));
            } else {
                array.set(random.nextInt(array.size()), randomJson(1));
            }
        }
    }

    private static void collect(JsonNode node, List<JsonNode> containers) {
        if (node.isContainerNode()) {
            containers.add(node);
            node.forEach(child -> collect(child, containers));
        }
    }

    private JsonNode randomJson(int depth) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        return switch (random.nextInt(depth > 0 ? 12 : 9)) {
            case 0 -> f.nullNode();
            case 1 -> f.booleanNode(random.nextBoolean());
            case 2 -> f.numberNode(random.nextInt());
            case 3 -> f.numberNode(pick(List.of(-1.0, 1e308, -1e-300, 0.5, 91.0, 181.0)));
            case 4 -> f.numberNode(Long.MAX_VALUE);
            case 5 -> f.textNode(pick(ODD_VALUES));
            case 6 -> f.textNode(pick(List.of("2026-11-24T08:00:00+01:00", "2026-13-45T99:00:00Z", "PT-5S", "v1",
                    "anna", "anna-mon", "ADD_VISIT", "CANCEL_VISIT", "TECHNICIAN_UNAVAILABLE", "technician")));
            case 7 -> f.textNode("x".repeat(random.nextInt(3) == 0 ? 600 : 3));
            case 8 -> f.textNode("\u202e\ud83d\ude00\u0000");
            case 9 -> {
                ArrayNode array = f.arrayNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    array.add(randomJson(depth - 1));
                }
                yield array;
            }
            default -> {
                ObjectNode object = f.objectNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    object.set(pick(List.of("id", "name", "type", "visitId", "location", "enabled", "variants",
                            "changes", "timeLimit", "role", "visit", "shiftId", "position")), randomJson(depth - 1));
                }
                yield object;
            }
        };
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }

    private HttpResponse<String> get(String path, String key) throws IOException, InterruptedException {
        return send("GET", path, null, key);
    }

    private HttpResponse<String> send(String method, String path, String body, String key)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30)).method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", random.nextInt(10) == 0 ? "text/plain" : "application/json");
        }
        if (key != null) {
            request.header("X-API-Key", key);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

}
