package org.techroute.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The load command's two clients against a small stand-in of the plans API (submit with an Idempotency-Key,
 * status, list, stop): each submits, replays and polls, and the check afterwards finds every plan once. The
 * stand-in also counts connections, so the blocking client is seen to keep its connections alive.
 */
class LoadTestTest {

    private HttpServer server;
    private ExecutorService executor;
    private final Map<String, String> planByKey = new ConcurrentHashMap<>();
    private final Set<String> plans = ConcurrentHashMap.newKeySet();
    private final Set<String> connections = ConcurrentHashMap.newKeySet();
    private final AtomicInteger statusReads = new AtomicInteger();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 100);
        server.createContext("/api/plans", this::plans);
        executor = Executors.newFixedThreadPool(8);
        server.setExecutor(executor);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void plans(HttpExchange exchange) throws IOException {
        connections.add(exchange.getRemoteAddress().toString());
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        exchange.getRequestBody().readAllBytes();
        if (method.equals("POST") && path.equals("/api/plans")) {
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            String known = planByKey.get(key);
            if (known != null) {
                answer(exchange, 200, "{\"id\":\"" + known + "\"}");
                return;
            }
            String id = UUID.randomUUID().toString();
            planByKey.put(key, id);
            plans.add(id);
            answer(exchange, 202, "{\"id\":\"" + id + "\"}");
        } else if (method.equals("GET") && path.endsWith("/status")) {
            statusReads.incrementAndGet();
            String id = path.substring("/api/plans/".length(), path.length() - "/status".length());
            answer(exchange, plans.contains(id) ? 200 : 404, "{\"id\":\"" + id + "\",\"status\":\"SOLVING\"}");
        } else if (method.equals("GET") && path.equals("/api/plans")) {
            String query = exchange.getRequestURI().getQuery();
            // the first page holds every plan, the next is empty: the command reads on while a page is full
            String items = query != null && query.contains("offset=0") ? plans.stream()
                    .map(id -> "{\"id\":\"" + id + "\"}").collect(Collectors.joining(",")) : "";
            answer(exchange, 200, "{\"items\":[" + items + "]}");
        } else if (method.equals("DELETE")) {
            answer(exchange, 200, "{}");
        } else {
            answer(exchange, 404, "{}");
        }
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @ParameterizedTest
    @ValueSource(booleans = { true, false })
    void eachClientSubmitsReplaysAndPollsAndFindsEveryPlanOnce(boolean blocking) throws Exception {
        URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        // 3 client threads submit (the stand-in always has room) and poll until the time is up; the check after
        // them lists and stops on this thread. The JDK keeps 5 connections per server alive by default.
        LoadTest test = new LoadTest(base, 3, Duration.ofSeconds(2), 4, 1, Duration.ofSeconds(1), blocking);

        assertThat(test.run()).as("nothing lost or duplicated").isTrue();
        assertThat(plans).as("the clients submitted").isNotEmpty();
        assertThat(statusReads.get()).as("the clients polled").isPositive();
        if (blocking) {
            // however many requests were made: a connection per client thread and one for the check after them
            assertThat(connections).as("kept-alive connections, not one per request").hasSizeLessThanOrEqualTo(4);
        }
    }
}
