package org.techroute.api.plans;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.techroute.api.support.ApiClient;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.techroute.api.TechrouteMain;
import org.techroute.api.support.Problems;
import org.techroute.data.json.ProblemJson;
import org.techroute.data.model.Problem;

/**
 * A service that is SIGKILLed keeps its plans: a second process on the same data dir finds the plan with its
 * last saved best solution and score history, marked STOPPED (default) or solved again ({@code on-restart=resume}).
 * Both services are real child JVMs started from this test's classpath.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES) // a safety net; every wait below is bounded on its own
class RestartRecoveryTest {

    static final Duration WAIT = Duration.ofSeconds(60);
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    @Test
    void aKilledServiceRestartsWithThePlanStopped() throws Exception {
        String id = submitAndKill();
        Service second = Service.start(dataDir, "stop");
        try {
            JsonNode status = second.json("/api/plans/" + id + "/status");
            assertThat(status.get("status").asText()).isEqualTo("STOPPED");
            assertThat(status.get("run").asInt()).isEqualTo(1);
            assertThat(status.path("score").isTextual()).isTrue();
            assertThat(status.get("reason").asText()).contains("stopped before this run ended");
            JsonNode plan = second.json("/api/plans/" + id);
            assertThat(plan.path("solution").path("routes").isArray()).isTrue();
            assertThat(plan.path("solution").path("score").asText()).isEqualTo(status.get("score").asText());
        } finally {
            second.kill();
        }
        assertThat(scoreHistory(id)).as("the score history of the first run stays").isGreaterThanOrEqualTo(1);
    }

    @Test
    void withResumeTheKilledRunIsSolvedAgainFromItsSavedPlan() throws Exception {
        String id = submitAndKill();
        int historyBefore = scoreHistory(id);
        Service second = Service.start(dataDir, "resume");
        try {
            JsonNode status = second.await("/api/plans/" + id + "/status", s -> s.get("run").asInt() == 2
                    && "SOLVING".equals(s.get("status").asText()) && s.path("score").isTextual());
            assertThat(status.get("run").asInt()).isEqualTo(2);
            second.await("/api/plans/" + id, p -> p.path("solution").path("routes").isArray());
            second.send(HttpRequest.newBuilder(second.uri("/api/plans/" + id + "/solving")).DELETE().build());
            JsonNode stopped = second.await("/api/plans/" + id + "/status",
                    s -> "STOPPED".equals(s.get("status").asText()));
            assertThat(stopped.get("run").asInt()).isEqualTo(2);
            assertThat(stopped.get("reason").asText()).isEqualTo("stopped on request");
        } finally {
            second.kill();
        }
        assertThat(scoreHistory(id)).as("the resumed run saved new best solutions").isGreaterThan(historyBefore);
    }

    /** Submits a long demo plan to a first service, waits until a best solution is saved, SIGKILLs it. */
    private String submitAndKill() throws Exception {
        Service first = Service.start(dataDir, "stop");
        try {
            Problem problem = Problems.demo(3, 20);
            problem = problem.withOptions(problem.options().withTimeLimit(Duration.ofMinutes(2)));
            HttpResponse<String> submitted = first.send(HttpRequest.newBuilder(first.uri("/api/plans"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(ProblemJson.write(problem))).build());
            assertThat(submitted.statusCode()).isEqualTo(202);
            String id = JSON.readTree(submitted.body()).get("id").asText();
            first.await("/api/plans/" + id, plan -> plan.path("solution").path("score").isTextual());
            assertThat(first.json("/api/plans/" + id + "/status").get("status").asText()).isEqualTo("SOLVING");
            return id;
        } finally {
            first.kill();
        }
    }

    private int scoreHistory(String id) throws Exception {
        String url = "jdbc:h2:file:" + dataDir.resolve("db").resolve("techroute") + ";MODE=PostgreSQL";
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
                var statement = connection.prepareStatement(
                        "SELECT COUNT(*) FROM plan_score_history WHERE plan_id = ?")) {
            statement.setString(1, id);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** A service in a child JVM. */
    record Service(Process process, int port, Path log) {

        static Service start(Path dataDir, String onRestart) throws Exception {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            Path log = Files.createTempFile(dataDir.getParent(), "techroute-child", ".log");
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                    "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                    TechrouteMain.class.getName(), "serve", "--server.port=" + port,
                    "--techroute.data-dir=" + dataDir, "--techroute.solver.on-restart=" + onRestart,
                    "--techroute.solver.save-interval=PT0.2S", "--techroute.nightly.cron=-"));
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            Service service = new Service(process, port, log);
            try {
                service.awaitUp();
            } catch (Exception | AssertionError e) {
                service.kill();
                throw e;
            }
            return service;
        }

        ApiClient api() {
            return new ApiClient(port, WAIT);
        }

        URI uri(String path) {
            return api().uri(path);
        }

        HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
            return api().send(request);
        }

        JsonNode json(String path) throws IOException, InterruptedException {
            return api().json(path);
        }

        /** Polls a JSON resource until the condition holds; fails after {@link #WAIT} with the service log. */
        JsonNode await(String path, Predicate<JsonNode> condition) throws Exception {
            try {
                return api().await(path, condition);
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "\nservice log:\n" + tail(), e);
            }
        }

        void awaitUp() throws Exception {
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new AssertionError("the service exited with " + process.exitValue() + ":\n" + tail());
                }
                try {
                    if (send(HttpRequest.newBuilder(uri("/api/plans?limit=1")).GET().build()).statusCode() == 200) {
                        return;
                    }
                } catch (IOException e) {
                    // not listening yet
                }
                Thread.sleep(200);
            }
            throw new AssertionError("the service did not start within " + WAIT + ":\n" + tail());
        }

        /** SIGKILL on Linux: no shutdown hooks, nothing saved at the end. */
        void kill() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }

        String tail() {
            try {
                List<String> lines = Files.readAllLines(log);
                return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
            } catch (IOException e) {
                return "(no log: " + e + ")";
            }
        }
    }

    static {
        // the H2 driver for reading the score history after the services are gone
        try {
            Class.forName("org.h2.Driver");
        } catch (ClassNotFoundException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
