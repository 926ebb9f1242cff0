package org.techroute.benchmarks.load;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.techroute.data.demo.DemoProblemGenerator;
import org.techroute.data.demo.DemoSpec;
import org.techroute.data.demo.PointSource;
import org.techroute.data.json.ProblemJson;
import org.techroute.data.model.Problem;
import org.techroute.data.model.TravelMode;

/**
 * A bounded loopback load test of a running techroute service: client threads submit small plans (each with an
 * Idempotency-Key, retried once to check that a retry never makes a second plan) and poll their plans' status
 * for a fixed duration. Reports throughput and the p50/p99 latency of status reads, then checks that no accepted
 * plan was lost or duplicated. Only loopback addresses are accepted.
 *
 * <pre>
 * java -cp benchmarks/target/techroute-benchmarks.jar ... org.techroute.benchmarks.load.LoadTest \
 *     [--base-url http://127.0.0.1:8080] [--threads 50] [--duration PT60S] [--visits 10] [--technicians 2]
 *     [--time-limit PT2S] [--client blocking|async]
 * </pre>
 *
 * The client runs on the machine under test, so its own cost is part of every latency it reports. {@code blocking}
 * (the default since 2026-12-07) gives each client thread its own kept-alive connection, written and read on that
 * thread ({@link HttpURLConnection}); {@code async} is the JDK's {@link HttpClient} that earlier figures in
 * {@code RESULTS-load.md} were measured with, which passes every response through one selector thread and then to a
 * waiting thread, so two thread switches per request on a loaded machine.
 *
 * Exit status 0 when nothing was lost or duplicated, 1 otherwise, 2 on a bad command line.
 */
public final class LoadTest {

    private final URI base;
    private final int threads;
    private final Duration duration;
    private final int visits;
    private final int technicians;
    private final Duration timeLimit;
    private final boolean blocking;
    /** The async client's (none for the blocking one: it would start a selector thread for nothing). */
    private final HttpClient http;
    private final ObjectMapper json = ProblemJson.mapper();
    private final String runId = UUID.randomUUID().toString().substring(0, 8);

    private final Map<String, String> idByKey = new ConcurrentHashMap<>();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong replays = new AtomicLong();
    private final AtomicLong queueFull = new AtomicLong();
    private final AtomicLong otherSubmitStatus = new AtomicLong();
    private final AtomicLong duplicated = new AtomicLong();
    private final AtomicLong lost = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();

    LoadTest(URI base, int threads, Duration duration, int visits, int technicians, Duration timeLimit,
            boolean blocking) {
        this.base = base;
        this.blocking = blocking;
        this.http = blocking ? null : HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        this.threads = threads;
        this.duration = duration;
        this.visits = visits;
        this.technicians = technicians;
        this.timeLimit = timeLimit;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>(Map.of("base-url", "http://127.0.0.1:8080", "threads", "50",
                "duration", "PT60S", "visits", "10", "technicians", "2", "time-limit", "PT2S", "client", "blocking"));
        for (int i = 0; i < args.length; i++) {
            String name = args[i].startsWith("--") ? args[i].substring(2) : null;
            if (name == null || !options.containsKey(name) || i + 1 >= args.length) {
                System.err.println("usage: LoadTest [--base-url http://127.0.0.1:8080] [--threads 50]"
                        + " [--duration PT60S] [--visits 10] [--technicians 2] [--time-limit PT2S]"
                        + " [--client blocking|async]");
                System.exit(2);
            }
            options.put(name, args[++i]);
        }
        URI base = URI.create(options.get("base-url"));
        if (!InetAddress.getByName(base.getHost()).isLoopbackAddress()) {
            System.err.println("error: the load test only runs against a loopback address, not " + base.getHost());
            System.exit(2);
        }
        Duration duration = Duration.parse(options.get("duration"));
        if (duration.compareTo(Duration.ofMinutes(10)) > 0) {
            System.err.println("error: at most PT10M");
            System.exit(2);
        }
        String client = options.get("client");
        if (!client.equals("blocking") && !client.equals("async")) {
            System.err.println("error: --client is blocking or async, not " + client);
            System.exit(2);
        }
        int threads = Integer.parseInt(options.get("threads"));
        // one kept-alive connection per client thread (the JDK keeps 5 per server by default)
        System.setProperty("http.maxConnections", Integer.toString(Math.max(5, threads + 1)));
        LoadTest test = new LoadTest(base, threads, duration,
                Integer.parseInt(options.get("visits")), Integer.parseInt(options.get("technicians")),
                Duration.parse(options.get("time-limit")), client.equals("blocking"));
        System.exit(test.run() ? 0 : 1);
    }

    boolean run() throws Exception {
        System.out.printf(Locale.ROOT, "load test %s: %d threads for %s against %s (plans: %d technicians, %d visits,"
                + " time limit %s; %s client)%n", runId, threads, duration, base, technicians, visits, timeLimit,
                blocking ? "blocking" : "async");
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long started = System.nanoTime();
        long deadline = started + duration.toNanos();
        List<Future<long[]>> results = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            results.add(pool.submit(() -> client(thread, deadline)));
        }
        List<long[]> latencies = new ArrayList<>();
        for (Future<long[]> result : results) {
            latencies.add(result.get());
        }
        pool.shutdown();
        double seconds = (System.nanoTime() - started) / 1e9;
        long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();

        // afterwards: every accepted plan is there exactly once
        Set<String> listed = new HashSet<>();
        long listedTwice = 0;
        for (int offset = 0;; offset += 100) {
            JsonNode page = json.readTree(get("/api/plans?limit=100&offset=" + offset).body());
            for (JsonNode item : page.get("items")) {
                if (!listed.add(item.get("id").asText())) {
                    listedTwice++;
                }
            }
            if (page.get("items").size() < 100) {
                break;
            }
        }
        Set<String> ids = new HashSet<>(idByKey.values());
        long missing = ids.stream().filter(id -> !listed.contains(id)).count();
        for (String id : ids) {
            send("DELETE", "/api/plans/" + id + "/solving", null, null); // leave the service idle
        }

        long reads = all.length;
        System.out.printf(Locale.ROOT, "duration            %.1f s%n", seconds);
        System.out.printf(Locale.ROOT, "submits accepted    %d (202), idempotent replays %d (200), queue full %d (429),"
                + " other %d%n", accepted.get(), replays.get(), queueFull.get(), otherSubmitStatus.get());
        System.out.printf(Locale.ROOT, "status reads        %d, %.1f per second%n", reads, reads / seconds);
        System.out.printf(Locale.ROOT, "requests            %.1f per second%n",
                (reads + accepted.get() + replays.get() + queueFull.get() + otherSubmitStatus.get()) / seconds);
        if (reads > 0) {
            System.out.printf(Locale.ROOT, "status read latency p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                    percentile(all, 0.50), percentile(all, 0.99), all[all.length - 1] / 1e6);
        }
        System.out.printf(Locale.ROOT, "plans               %d accepted, %d distinct ids, %d missing from the list,"
                + " %d listed twice, %d lost (404 on a status read), %d duplicated by a retry%n", accepted.get(),
                ids.size(), missing, listedTwice, lost.get(), duplicated.get());
        System.out.printf(Locale.ROOT, "errors              %d (transport errors or unexpected statuses)%n",
                errors.get());
        boolean ok = missing == 0 && listedTwice == 0 && lost.get() == 0 && duplicated.get() == 0
                && ids.size() == accepted.get();
        System.out.println(ok ? "OK: no plan lost or duplicated" : "FAILED: plans lost or duplicated");
        return ok;
    }

    /** One client: submits when the queue has room, otherwise polls its plans. Returns status-read latencies. */
    private long[] client(int thread, long deadline) {
        List<String> mine = new ArrayList<>();
        long[] latencies = new long[1024];
        int count = 0;
        int submitted = 0;
        long backoffUntil = 0;
        while (System.nanoTime() < deadline) {
            try {
                if (System.nanoTime() >= backoffUntil) {
                    String key = runId + "-" + thread + "-" + submitted;
                    String body = ProblemJson.write(problem(thread * 100_000L + submitted));
                    Response response = send("POST", "/api/plans", body, key);
                    if (response.statusCode() == 202) {
                        accepted.incrementAndGet();
                        String id = json.readTree(response.body()).get("id").asText();
                        idByKey.put(key, id);
                        mine.add(id);
                        submitted++;
                        Response retry = send("POST", "/api/plans", body, key);
                        if (retry.statusCode() == 200) {
                            replays.incrementAndGet();
                            if (!id.equals(json.readTree(retry.body()).get("id").asText())) {
                                duplicated.incrementAndGet();
                            }
                        } else {
                            duplicated.incrementAndGet();
                        }
                    } else if (response.statusCode() == 429) {
                        queueFull.incrementAndGet();
                        backoffUntil = System.nanoTime() + Duration.ofSeconds(1).toNanos();
                    } else {
                        otherSubmitStatus.incrementAndGet();
                        backoffUntil = System.nanoTime() + Duration.ofSeconds(1).toNanos();
                    }
                }
                if (mine.isEmpty()) {
                    Thread.sleep(50);
                    continue;
                }
                for (int i = 0; i < 5 && System.nanoTime() < deadline; i++) {
                    String id = mine.get((count + i) % mine.size());
                    long start = System.nanoTime();
                    Response status = get("/api/plans/" + id + "/status");
                    long took = System.nanoTime() - start;
                    if (status.statusCode() == 404) {
                        lost.incrementAndGet();
                    } else if (status.statusCode() != 200) {
                        errors.incrementAndGet();
                    }
                    if (count == latencies.length) {
                        latencies = Arrays.copyOf(latencies, count * 2);
                    }
                    latencies[count++] = took;
                }
            } catch (IOException e) {
                errors.incrementAndGet();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return Arrays.copyOf(latencies, count);
    }

    private Problem problem(long seed) {
        Problem problem = DemoProblemGenerator.generate(new DemoSpec("Load " + runId, technicians, visits, 1,
                LocalDate.now(ZoneOffset.UTC).plusDays(1), ZoneOffset.ofHours(1), TravelMode.HAVERSINE, seed),
                PointSource.liechtenstein());
        return problem.withOptions(problem.optionsOrDefaults().withTimeLimit(timeLimit));
    }

    private Response get(String path) throws IOException, InterruptedException {
        return send("GET", path, null, null);
    }

    /** A status and a body, from either client. */
    private record Response(int statusCode, String body) {
    }

    private Response send(String method, String path, String body, String key)
            throws IOException, InterruptedException {
        return blocking ? sendBlocking(method, path, body, key) : sendAsync(method, path, body, key);
    }

    private Response sendBlocking(String method, String path, String body, String key) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) base.resolve(path).toURL().openConnection();
        connection.setConnectTimeout(5_000);
        connection.setReadTimeout(30_000);
        connection.setRequestMethod(method);
        if (key != null) {
            connection.setRequestProperty("Idempotency-Key", key);
        }
        if (body != null) {
            connection.setRequestProperty("Content-Type", "application/json");
            connection.setDoOutput(true);
            try (OutputStream out = connection.getOutputStream()) {
                out.write(body.getBytes(StandardCharsets.UTF_8));
            }
        }
        int status = connection.getResponseCode();
        // read to the end (and close) so that the connection is kept alive for this thread's next request
        InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
        if (in == null) {
            return new Response(status, "");
        }
        try (in) {
            return new Response(status, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private Response sendAsync(String method, String path, String body, String key)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Response(response.statusCode(), response.body());
    }

    private static double percentile(long[] sorted, double p) {
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }
}
