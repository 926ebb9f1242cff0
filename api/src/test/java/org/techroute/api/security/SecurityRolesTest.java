package org.techroute.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Every role on every endpoint, allowed and refused, through both ways in: API keys and JWTs of a local test
 * issuer (no network). "Allowed" means the request got past security (any answer but 401 and 403, and never a
 * 5xx: the ids are made up, so allowed calls end in 404, 400 or 422 and change nothing); refused ones are 401
 * (no or bad credentials, with WWW-Authenticate) or 403, as problem documents.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability(tracing = false)
class SecurityRolesTest {

    static final Path DATA_DIR;
    static final TestIssuer ISSUER;

    static {
        try {
            DATA_DIR = Files.createTempDirectory("techroute-security");
            ISSUER = new TestIssuer(DATA_DIR);
        } catch (IOException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("techroute.data-dir", DATA_DIR::toString);
        registry.add("techroute.security.api-keys.enabled", () -> "true");
    }

    /**
     * The decoder Spring Boot makes from {@code spring.security.oauth2.resourceserver.jwt.issuer-uri}, but with the
     * test issuer's public key instead of fetching its keys over the network: signature, expiry and issuer checked.
     */
    @TestConfiguration(proxyBeanMethods = false)
    static class LocalIssuer {
        @Bean
        JwtDecoder jwtDecoder() {
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(ISSUER.publicKey()).build();
            decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(TestIssuer.ISSUER));
            return decoder;
        }
    }

    /** What a call needs. */
    enum Need { OPEN, SIGNED_IN, VIEWER, DISPATCHER, ADMIN, OWN_TECHNICIAN }

    record Call(String method, String path, String body, Need need) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /** Every endpoint of the service (made-up ids), and the least it needs. */
    static final List<Call> CALLS = List.of(
            new Call("GET", "/actuator/health", null, Need.OPEN),
            new Call("GET", "/actuator/health/readiness", null, Need.OPEN),
            new Call("GET", "/", null, Need.OPEN),
            new Call("GET", "/console/main.js", null, Need.OPEN),
            new Call("GET", "/v3/api-docs", null, Need.OPEN),
            new Call("GET", "/api/console/config", null, Need.OPEN),
            new Call("GET", "/api/me", null, Need.SIGNED_IN),
            new Call("GET", "/actuator/prometheus", null, Need.VIEWER),
            new Call("GET", "/actuator/info", null, Need.VIEWER),
            new Call("GET", "/api/plans", null, Need.VIEWER),
            new Call("GET", "/api/plans/no-such-plan", null, Need.VIEWER),
            new Call("GET", "/api/plans/no-such-plan/status", null, Need.VIEWER),
            new Call("GET", "/api/plans/no-such-plan/analysis", null, Need.VIEWER),
            new Call("GET", "/api/plans/no-such-plan/routes", null, Need.VIEWER),
            new Call("GET", "/api/plans/no-such-plan/events", null, Need.VIEWER),
            new Call("GET", "/api/plans/no-such-plan/nightly", null, Need.VIEWER),
            new Call("GET", "/api/plans/no-such-plan/changes/no-such-change", null, Need.VIEWER),
            new Call("GET", "/api/nightly-runs", null, Need.VIEWER),
            new Call("GET", "/api/audit", null, Need.DISPATCHER),
            new Call("POST", "/api/plans", "{}", Need.DISPATCHER),
            new Call("POST", "/api/plans/import", "{}", Need.DISPATCHER),
            new Call("POST", "/api/plans/no-such-plan/solve", null, Need.DISPATCHER),
            new Call("POST", "/api/plans/no-such-plan/changes", "{}", Need.DISPATCHER),
            new Call("POST", "/api/plans/no-such-plan/changes/preview", "{}", Need.DISPATCHER),
            new Call("GET", "/api/plans/no-such-plan/visits/v1/recommendations", null, Need.VIEWER),
            new Call("GET", "/api/road/nearest?lat=47.1&lon=9.5", null, Need.VIEWER),
            new Call("DELETE", "/api/plans/no-such-plan/solving", null, Need.DISPATCHER),
            new Call("DELETE", "/api/plans/no-such-plan", null, Need.DISPATCHER),
            new Call("POST", "/api/plans/no-such-plan/what-if", "{}", Need.DISPATCHER),
            new Call("POST", "/api/plans/no-such-plan/recommendations", "{}", Need.DISPATCHER),
            new Call("POST", "/api/plans/no-such-plan/recommendations/apply", "{}", Need.DISPATCHER),
            new Call("POST", "/api/plans/no-such-plan/appointments", "{}", Need.DISPATCHER),
            new Call("POST", "/api/plans/no-such-plan/appointments/book", "{}", Need.DISPATCHER),
            new Call("GET", "/api/plans/no-such-plan/sheet", null, Need.VIEWER),
            new Call("GET", "/api/plans/no-such-plan/routes/anna-mon/sheet", null, Need.VIEWER),
            new Call("GET", "/api/plans/no-such-plan/steps.csv", null, Need.VIEWER),
            new Call("GET", "/api/plans/no-such-plan/routes.geojson", null, Need.VIEWER),
            new Call("GET", "/api/plans/no-such-plan/visits.csv", null, Need.VIEWER),
            new Call("GET", "/api/plans/no-such-plan/technicians/anna/calendar.ics", null, Need.OWN_TECHNICIAN),
            new Call("GET", "/api/plans/no-such-plan/technicians/anna/sheet", null, Need.OWN_TECHNICIAN),
            new Call("POST", "/api/demo?technicians=-1", null, Need.DISPATCHER),
            new Call("PUT", "/api/plans/no-such-plan/nightly", "{\"enabled\": true}", Need.ADMIN),
            new Call("GET", "/api/keys", null, Need.ADMIN),
            new Call("POST", "/api/keys", "{}", Need.ADMIN),
            new Call("DELETE", "/api/keys/no-such-key", null, Need.ADMIN),
            new Call("GET", "/api/webhooks", null, Need.ADMIN),
            new Call("POST", "/api/webhooks", "{}", Need.ADMIN),
            new Call("DELETE", "/api/webhooks/no-such-webhook", null, Need.ADMIN),
            new Call("GET", "/api/webhooks/no-such-webhook/deliveries", null, Need.ADMIN),
            new Call("PATCH", "/api/plans/no-such-plan", "{}", Need.ADMIN),
            new Call("GET", "/api/plans/no-such-plan/technicians/anna/route-sheet", null, Need.OWN_TECHNICIAN),
            new Call("GET", "/api/technicians/anna/calendar.ics", null, Need.OWN_TECHNICIAN));

    /** A caller: the roles he has, how he signs in (headers), and whether he is technician anna. */
    record Caller(String name, Role role, String technicianId, Map<String, String> headers) {
        boolean may(Need need) {
            return switch (need) {
                case OPEN -> true;
                case SIGNED_IN -> role != null;
                case VIEWER -> role == Role.VIEWER || role == Role.DISPATCHER || role == Role.ADMIN;
                case DISPATCHER -> role == Role.DISPATCHER || role == Role.ADMIN;
                case ADMIN -> role == Role.ADMIN;
                case OWN_TECHNICIAN -> may(Need.VIEWER) || role == Role.TECHNICIAN && "anna".equals(technicianId);
            };
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    ApiKeys keys;

    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();
    final List<Caller> callers = new ArrayList<>();

    @BeforeEach
    void callers() {
        callers.add(new Caller("anonymous", null, null, Map.of()));
        for (Role role : Role.values()) {
            List<String> technicians = role == Role.TECHNICIAN ? List.of("anna", "ben") : java.util.Collections
                    .singletonList(null);
            for (String technician : technicians) {
                String key = keys.create("test-" + role.id() + (technician == null ? "" : "-" + technician), role,
                        technician, "test").key();
                callers.add(new Caller("key " + role.id() + (technician == null ? "" : " " + technician), role,
                        technician, Map.of("X-API-Key", key)));
                String token = ISSUER.token("user-" + role.id(), List.of(role.id()), technician);
                callers.add(new Caller("jwt " + role.id() + (technician == null ? "" : " " + technician), role,
                        technician, Map.of("Authorization", "Bearer " + token)));
            }
        }
        String bearerKey = keys.create("test-bearer-admin", Role.ADMIN, null, "test").key();
        callers.add(new Caller("key admin as bearer", Role.ADMIN, null, Map.of("Authorization", "Bearer "
                + bearerKey)));
    }

    HttpResponse<String> send(String method, String path, String body, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    void assertProblem(HttpResponse<String> response, int status, String what) throws IOException {
        assertThat(response.statusCode()).as(what + ": " + response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).as(what)
                .startsWith("application/problem+json");
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("type").asText()).endsWith(status == 401 ? "/unauthorized" : "/forbidden");
        if (status == 401) {
            assertThat(response.headers().firstValue("WWW-Authenticate")).as(what).isPresent();
        }
    }

    @Test
    void everyRoleOnEveryEndpointThroughBothWaysIn() throws Exception {
        Map<String, String> wrong = new LinkedHashMap<>();
        for (Caller caller : callers) {
            for (Call call : CALLS) {
                String what = caller.name() + " " + call;
                HttpResponse<String> response = send(call.method(), call.path(), call.body(), caller.headers());
                int status = response.statusCode();
                boolean allowed = caller.may(call.need());
                if (allowed && (status == 401 || status == 403 || status >= 500)) {
                    wrong.put(what, "refused or failed: " + status + " " + response.body());
                } else if (!allowed) {
                    int expected = caller.role() == null ? 401 : 403;
                    if (status != expected) {
                        wrong.put(what, "expected " + expected + ", got " + status + " " + response.body());
                    } else {
                        assertProblem(response, expected, what);
                    }
                }
            }
        }
        assertThat(wrong).as("calls answered against the rules").isEmpty();
        assertThat(callers).hasSize(12);
    }

    @Test
    void badCredentialsAre401() throws Exception {
        Map<String, Map<String, String>> bad = new LinkedHashMap<>();
        bad.put("unknown key", Map.of("X-API-Key", "trk_not-a-key"));
        String revoked = keys.create("to-revoke", Role.ADMIN, null, "test").stored().id();
        String revokedKey = keys.list().stream().filter(k -> k.id().equals(revoked)).findFirst().orElseThrow().id();
        ApiKeys.Created toRevoke = keys.create("revoked", Role.ADMIN, null, "test");
        keys.revoke(toRevoke.stored().id(), "test");
        bad.put("revoked key", Map.of("X-API-Key", toRevoke.key()));
        bad.put("expired token", Map.of("Authorization", "Bearer " + ISSUER.sign(TestIssuer.claims("late",
                List.of("admin"), null, TestIssuer.ISSUER, Instant.now().minusSeconds(600)).build())));
        bad.put("other issuer", Map.of("Authorization", "Bearer " + ISSUER.sign(TestIssuer.claims("other",
                List.of("admin"), null, "https://evil.test", Instant.now().plusSeconds(300)).build())));
        bad.put("stranger's signature", Map.of("Authorization", "Bearer " + TestIssuer.sign(TestIssuer.claims(
                "stranger", List.of("admin"), null, TestIssuer.ISSUER, Instant.now().plusSeconds(300)).build(),
                TestIssuer.strangerKey())));
        bad.put("not a token", Map.of("Authorization", "Bearer nonsense"));
        for (Map.Entry<String, Map<String, String>> entry : bad.entrySet()) {
            assertProblem(send("GET", "/api/plans", null, entry.getValue()), 401, entry.getKey());
        }
        assertThat(revokedKey).isEqualTo(revoked);
    }

    @Test
    void keysAreShownOnceStoredHashedAndRevokedByAnAdmin() throws Exception {
        Map<String, String> admin = Map.of("X-API-Key", keys.create("admin", Role.ADMIN, null, "test").key());
        HttpResponse<String> created = send("POST", "/api/keys",
                "{\"name\": \"nightly-script\", \"role\": \"dispatcher\"}", admin);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode body = json.readTree(created.body());
        String key = body.path("key").asText();
        String id = body.path("stored").path("id").asText();
        assertThat(key).startsWith("trk_").hasSizeGreaterThan(40);
        assertThat(body.path("stored").path("createdBy").asText()).isEqualTo("key:admin");

        HttpResponse<String> list = send("GET", "/api/keys", null, admin);
        assertThat(list.body()).contains(id).doesNotContain(key).doesNotContain(ApiKeys.hash(key));

        assertThat(send("GET", "/api/plans", null, Map.of("X-API-Key", key)).statusCode()).isEqualTo(200);
        assertThat(send("DELETE", "/api/keys/" + id, null, admin).statusCode()).isEqualTo(204);
        assertProblem(send("GET", "/api/plans", null, Map.of("X-API-Key", key)), 401, "revoked");

        HttpResponse<String> invalid = send("POST", "/api/keys", "{\"name\": \"x\", \"role\": \"technician\"}",
                admin);
        assertThat(invalid.statusCode()).isEqualTo(422);
        assertThat(invalid.body()).contains("$.technicianId");
    }

    @Test
    void aTechniciansLinkCarriesHisKeyInTheQueryButNoOtherKeyMay() throws Exception {
        String anna = keys.create("anna-link", Role.TECHNICIAN, "anna", "test").key();
        String viewer = keys.create("viewer-link", Role.VIEWER, null, "test").key();
        HttpResponse<String> own = send("GET", "/api/technicians/anna/calendar.ics?access_key=" + anna, null,
                Map.of());
        assertThat(own.statusCode()).isNotIn(401, 403);
        assertProblem(send("GET", "/api/technicians/ben/calendar.ics?access_key=" + anna, null, Map.of()), 403,
                "other technician");
        assertProblem(send("GET", "/api/plans?access_key=" + viewer, null, Map.of()), 401, "viewer key in query");
        assertThat(send("GET", "/api/plans/no-such-plan/events?access_key=" + viewer, null, Map.of())
                .statusCode()).isEqualTo(404);
    }

    @Test
    void meSaysWhoAndWhat() throws Exception {
        HttpResponse<String> me = send("GET", "/api/me", null, Map.of("Authorization", "Bearer "
                + ISSUER.token("anna.s", List.of("technician"), "anna")));
        JsonNode body = json.readTree(me.body());
        assertThat(body.path("name").asText()).isEqualTo("anna.s");
        assertThat(body.path("via").asText()).isEqualTo("jwt");
        assertThat(body.path("technicianId").asText()).isEqualTo("anna");
        assertThat(body.path("roles").toString()).isEqualTo("[\"technician\"]");
        assertThat(body.path("ways").toString()).isEqualTo("[\"api-key\",\"jwt\"]");
        HttpResponse<String> dispatcher = send("GET", "/api/me", null, Map.of("Authorization", "Bearer "
                + ISSUER.token("dora", List.of("dispatcher", "unknown-role"), null)));
        assertThat(json.readTree(dispatcher.body()).path("roles").toString())
                .isEqualTo("[\"viewer\",\"dispatcher\"]");
    }

    @Test
    void theOpenApiDocumentDeclaresTheSchemesPerOperation() throws Exception {
        JsonNode doc = json.readTree(send("GET", "/v3/api-docs", null, Map.of()).body());
        assertThat(doc.path("components").path("securitySchemes").path("apiKey").path("name").asText())
                .isEqualTo("X-API-Key");
        assertThat(doc.path("components").path("securitySchemes").path("bearerJwt").path("scheme").asText())
                .isEqualTo("bearer");
        JsonNode submit = doc.path("paths").path("/api/plans").path("post");
        assertThat(submit.path("x-techroute-role").asText()).isEqualTo("dispatcher");
        assertThat(submit.path("security").toString()).contains("apiKey").contains("bearerJwt");
        assertThat(submit.path("responses").has("401")).isTrue();
        assertThat(submit.path("responses").has("403")).isTrue();
        assertThat(doc.path("paths").path("/api/plans/{id}/nightly").path("put").path("x-techroute-role").asText())
                .isEqualTo("admin");
        assertThat(doc.path("paths").path("/api/plans").path("get").path("x-techroute-role").asText())
                .isEqualTo("viewer");
        assertThat(doc.path("paths").path("/api/console/config").path("get").path("security").toString())
                .isEqualTo("[]");
    }
}
