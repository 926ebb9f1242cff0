package org.techroute.api.plans;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.techroute.api.TechrouteApplication;
import org.techroute.api.TechrouteMain;
import org.techroute.api.support.Problems;
import org.techroute.api.support.TestDatabases;
import org.techroute.data.json.ProblemJson;
import org.techroute.data.model.Problem;

/**
 * Three instances on one PostgreSQL (a schema of this run's own) behind an imaginary load balancer: two Spring
 * contexts in this JVM and one child process, which is SIGKILLed midway. Each request of a live day (submit,
 * status, events, change, stop, solve again) goes to a random instance. Checked: every change answered is applied
 * exactly once (its visit is in the final plan once), no plan is lost (every plan ends with a solution), no run is
 * solved twice (a plan's solve count never exceeds its runs), a stop sent to another instance stops the run where it
 * solves, the event stream of a plan solved elsewhere carries its best scores and ends with it, and a refused
 * change gets the same error document at every instance. It also measures the extra latency of a forwarded request
 * (logged, bounded loosely).
 */
@PostgresAvailable
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class ClusterThreeInstancesTest {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterThreeInstancesTest.class);
    static final String SCHEMA = TestDatabases.newSchema("techroute_any_");
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final Random RANDOM = new Random(14);
    static DataSource dataSource;
    static JdbcClient jdbc;
    static final List<ConfigurableApplicationContext> CONTEXTS = new ArrayList<>();
    static Process child;
    static Path childLog;
    /** The base URLs of the instances that are up, by name. */
    static final List<String[]> INSTANCES = new ArrayList<>();

    static List<String> settings(String name) {
        List<String> settings = new ArrayList<>(List.of("--techroute.cluster.enabled=true",
                "--techroute.cluster.instance-id=" + name,
                "--techroute.cluster.lease=PT3S", "--techroute.cluster.poll-interval=PT0.2S",
                "--techroute.cluster.command-poll=PT0.2S", "--techroute.cluster.forward-wait=PT2S",
                "--techroute.solver.slots=2", "--techroute.solver.queue-length=0",
                "--techroute.solver.save-interval=PT0.2S",
                "--techroute.solver.on-restart=resume", "--techroute.nightly.cron=-"));
        settings.addAll(TestDatabases.postgresArguments(SCHEMA));
        return settings;
    }

    @BeforeAll
    static void start() throws Exception {
        dataSource = TestDatabases.postgres(SCHEMA);
        jdbc = JdbcClient.create(dataSource);
        int childPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            childPort = socket.getLocalPort();
        }
        Path dir = Files.createTempDirectory("techroute-three");
        childLog = dir.resolve("instance-c.log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx384m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                TechrouteMain.class.getName(), "serve", "--server.port=" + childPort,
                "--techroute.data-dir=" + dir.resolve("c")));
        command.addAll(settings("instance-c"));
        child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(childLog.toFile()).start();
        for (String name : List.of("instance-a", "instance-b")) {
            List<String> args = new ArrayList<>(List.of("--server.port=0", "--techroute.data-dir=" + dir.resolve(name)));
            args.addAll(settings(name));
            ConfigurableApplicationContext context = new SpringApplicationBuilder(TechrouteApplication.class)
                    .run(args.toArray(String[]::new));
            CONTEXTS.add(context);
            INSTANCES.add(new String[] { name, "http://127.0.0.1:"
                    + ((ServletWebServerApplicationContext) context).getWebServer().getPort() });
        }
        String childUrl = "http://127.0.0.1:" + childPort;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (true) {
            assertThat(child.isAlive()).as("instance-c started; its log: %s", childLog).isTrue();
            try {
                if (send(HttpRequest.newBuilder(URI.create(childUrl + "/actuator/health/readiness")).build())
                        .statusCode() == 200) {
                    break;
                }
            } catch (java.io.IOException e) {
                // not listening yet
            }
            assertThat(System.nanoTime()).as("instance-c ready within 90 s").isLessThan(deadline);
            Thread.sleep(200);
        }
        INSTANCES.add(new String[] { "instance-c", childUrl });
    }

    @AfterAll
    static void stop() {
        if (child != null) {
            child.destroyForcibly();
        }
        CONTEXTS.forEach(ConfigurableApplicationContext::close);
        TestDatabases.dropSchema(dataSource, SCHEMA);
    }

    static HttpResponse<String> send(HttpRequest request) throws java.io.IOException, InterruptedException {
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    static String[] instance(String name) {
        return INSTANCES.stream().filter(i -> i[0].equals(name)).findFirst().orElseThrow();
    }

    static String[] random() {
        return INSTANCES.get(RANDOM.nextInt(INSTANCES.size()));
    }

    /** A live instance other than {@code name}, at random. */
    static String[] other(String name) {
        List<String[]> others = INSTANCES.stream().filter(i -> !i[0].equals(name)).toList();
        return others.get(RANDOM.nextInt(others.size()));
    }

    static HttpResponse<String> post(String[] instance, String path, String body) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(instance[1] + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    static JsonNode get(String[] instance, String path) throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(instance[1] + path)).build());
        assertThat(response.statusCode()).as("%s %s: %s", instance[0], path, response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    static String holder(String planId) {
        return jdbc.sql("SELECT claimed_by FROM plan WHERE id = :id").param("id", planId).query(String.class)
                .optional().orElse(null);
    }

    static String awaitHolder(String planId) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            String status = jdbc.sql("SELECT status FROM plan WHERE id = :id").param("id", planId)
                    .query(String.class).single();
            String holder = holder(planId);
            if ("SOLVING".equals(status) && holder != null) {
                return holder;
            }
            assertThat(System.nanoTime()).as("plan %s solving within 30 s", planId).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    static JsonNode await(String planId, Predicate<JsonNode> condition, int seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            last = get(random(), "/api/plans/" + planId + "/status");
            if (condition.test(last)) {
                return last;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("plan " + planId + ": condition not met within " + seconds + " s; last " + last);
    }

    static String problem(int seconds) {
        Problem problem = Problems.demo(3, 12);
        return ProblemJson.write(problem.withOptions(problem.options().withTimeLimit(Duration.ofSeconds(seconds))));
    }

    static String addVisit(String visitId) {
        return """
                {"changes": [{"type": "ADD_VISIT", "visit": {"id": "%s", "location": {"lat": 47.15, "lon": 9.52},
                  "serviceDurationSeconds": 600}}]}""".formatted(visitId);
    }

    /** Sends a change to random instances until one takes it (503: the plan's instance did not take it in time). */
    static JsonNode change(String planId, String visitId) throws Exception {
        for (int attempt = 0; attempt < 20; attempt++) {
            String[] at = random();
            HttpResponse<String> response = post(at, "/api/plans/" + planId + "/changes", addVisit(visitId));
            if (response.statusCode() == 200 || response.statusCode() == 202) {
                return JSON.readTree(response.body());
            }
            assertThat(response.statusCode()).as("%s: %s", at[0], response.body()).isIn(503, 409);
            Thread.sleep(500);
        }
        throw new AssertionError("change " + visitId + " to plan " + planId + " was never taken");
    }

    static List<String> visitIds(String planId) throws Exception {
        JsonNode plan = get(random(), "/api/plans/" + planId);
        List<String> ids = new ArrayList<>();
        plan.get("visits").forEach(v -> ids.add(v.get("id").asText()));
        return ids;
    }

    @Test
    void aLiveDayThroughRandomInstancesWithOneKilledMidway() throws Exception {
        // submit: plan one to a Spring instance, plan two to the child process (it will be killed holding it)
        HttpResponse<String> submitted = post(instance("instance-a"), "/api/plans", problem(40));
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
        String one = JSON.readTree(submitted.body()).get("id").asText();
        submitted = post(instance("instance-c"), "/api/plans", problem(40));
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
        String two = JSON.readTree(submitted.body()).get("id").asText();
        String ownerOne = awaitHolder(one);
        assertThat(awaitHolder(two)).isEqualTo("instance-c");

        // events of plan one followed at an instance that does not solve it
        assertThat(ownerOne).isEqualTo("instance-a");
        String[] follower = instance("instance-b");
        CompletableFuture<List<String>> stream = HTTP.sendAsync(HttpRequest.newBuilder(URI.create(follower[1]
                + "/api/plans/" + one + "/events")).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofLines()).thenApply(r -> r.body().collect(Collectors.toList()));

        // status at every instance: the same run, status and a live score
        await(one, s -> s.hasNonNull("score"), 30);
        for (String[] at : INSTANCES) {
            JsonNode status = get(at, "/api/plans/" + one + "/status");
            assertThat(status.get("status").asText()).as(at[0]).isEqualTo("SOLVING");
            assertThat(status.get("run").asInt()).as(at[0]).isEqualTo(1);
            assertThat(status.hasNonNull("score")).as(at[0]).isTrue();
        }

        // a refused change: the same error document at the owner and through the others; latency measured
        String refused = "{\"changes\": [{\"type\": \"CANCEL_VISIT\", \"visitId\": \"nobody\"}]}";
        long[] direct = new long[15];
        long[] forwarded = new long[15];
        String directBody = null;
        String forwardedBody = null;
        for (int i = 0; i < direct.length; i++) {
            long started = System.nanoTime();
            HttpResponse<String> at = post(instance(ownerOne), "/api/plans/" + one + "/changes", refused);
            direct[i] = System.nanoTime() - started;
            started = System.nanoTime();
            HttpResponse<String> through = post(other(ownerOne), "/api/plans/" + one + "/changes", refused);
            forwarded[i] = System.nanoTime() - started;
            assertThat(at.statusCode()).as(at.body()).isEqualTo(422);
            assertThat(through.statusCode()).as(through.body()).isEqualTo(422);
            assertThat(through.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            directBody = at.body();
            forwardedBody = through.body();
        }
        assertThat(JSON.readTree(forwardedBody)).isEqualTo(JSON.readTree(directBody));
        Arrays.sort(direct);
        Arrays.sort(forwarded);
        long extraMedianMillis = (forwarded[7] - direct[7]) / 1_000_000;
        LOG.info("forwarded change (422 at the owner): median {} ms at the owner, {} ms through another instance"
                + " (extra {} ms); max {} ms / {} ms", direct[7] / 1_000_000, forwarded[7] / 1_000_000,
                extraMedianMillis, direct[14] / 1_000_000, forwarded[14] / 1_000_000);
        assertThat(forwarded[7] / 1_000_000).as("forwarded median (ms)").isLessThan(2_000);

        // live changes to both plans through random instances
        List<String> addedOne = new ArrayList<>();
        List<String> addedTwo = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            addedOne.add("one-" + i);
            JsonNode answer = change(one, "one-" + i);
            assertThat(answer.get("mode").asText()).isIn("LIVE", "RESTARTED", "NEW_RUN");
            if (i == 0) {
                // the change as it stands, at every instance while the plan solves
                for (String[] at : INSTANCES) {
                    JsonNode view = get(at, "/api/plans/" + one + "/changes/" + answer.get("changeId").asText());
                    assertThat(view.get("changeId").asText()).as(at[0]).isEqualTo(answer.get("changeId").asText());
                }
            }
            addedTwo.add("two-" + i);
            change(two, "two-" + i);
        }
        // the child holds plan two with every change stored; then it is killed
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!visitIds(two).containsAll(addedTwo)) {
            assertThat(System.nanoTime()).as("plan two's changes stored").isLessThan(deadline);
            Thread.sleep(100);
        }
        child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        INSTANCES.removeIf(i -> i[0].equals("instance-c"));

        // a change sent while the dead instance's claim has not expired yet is refused (503) and sent again
        addedTwo.add("two-after-kill");
        change(two, "two-after-kill");
        await(two, s -> s.get("run").asInt() >= 2, 30);

        // stop plan one through an instance that does not solve it: the run where it solves stops
        HttpResponse<String> stopped = send(HttpRequest.newBuilder(URI.create(other(ownerOne)[1] + "/api/plans/"
                + one + "/solving")).DELETE().build());
        assertThat(stopped.statusCode()).as(stopped.body()).isEqualTo(202);
        JsonNode end = await(one, s -> s.get("status").asText().equals("STOPPED"), 20);
        assertThat(end.get("reason").asText()).isEqualTo("stopped on request");
        List<String> events = stream.get(20, TimeUnit.SECONDS);
        assertThat(events).as("the event stream at %s", follower[0]).contains("event:best-score")
                .contains("event:status");
        assertThat(events.stream().filter(l -> l.startsWith("data:") && l.contains("\"STOPPED\""))).isNotEmpty();

        // solve plan one again through a random instance; stop plan two through a random one
        HttpResponse<String> again = post(random(), "/api/plans/" + one + "/solve", "");
        assertThat(again.statusCode()).as(again.body()).isEqualTo(202);
        await(one, s -> s.get("run").asInt() == 2 && s.get("status").asText().equals("SOLVING"), 30);
        for (String id : List.of(one, two)) {
            HttpResponse<String> stop = send(HttpRequest.newBuilder(URI.create(random()[1] + "/api/plans/" + id
                    + "/solving")).DELETE().build());
            assertThat(stop.statusCode()).as(stop.body()).isIn(202, 503);
            if (stop.statusCode() == 503) {
                stop = send(HttpRequest.newBuilder(URI.create(random()[1] + "/api/plans/" + id + "/solving"))
                        .DELETE().build());
                assertThat(stop.statusCode()).as(stop.body()).isEqualTo(202);
            }
            await(id, s -> !List.of("VALIDATING", "QUEUED", "SOLVING").contains(s.get("status").asText()), 30);
        }

        // nothing lost, every change once, nothing solved twice
        for (var plan : List.of(List.of(one, addedOne), List.of(two, addedTwo))) {
            String id = (String) plan.get(0);
            @SuppressWarnings("unchecked")
            List<String> added = (List<String>) plan.get(1);
            List<String> ids = visitIds(id);
            for (String visitId : added) {
                assertThat(ids.stream().filter(visitId::equals).count()).as("%s in plan %s", visitId, id)
                        .isEqualTo(1);
            }
            JsonNode document = get(random(), "/api/plans/" + id);
            assertThat(document.has("solution")).as("plan %s has its plan", id).isTrue();
            var counts = jdbc.sql("SELECT run_number, solve_count, claimed_by FROM plan WHERE id = :id")
                    .param("id", id).query((rs, n) -> new int[] { rs.getInt(1), rs.getInt(2),
                            rs.getString(3) == null ? 0 : 1 }).single();
            assertThat(counts[1]).as("plan %s: solve count at most its runs", id).isLessThanOrEqualTo(counts[0]);
            assertThat(counts[2]).as("plan %s: claim given back", id).isZero();
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM plan_command WHERE state IN ('WAITING', 'TAKEN')")
                .query(Integer.class).single()).as("no request left waiting or half done").isZero();
    }
}
