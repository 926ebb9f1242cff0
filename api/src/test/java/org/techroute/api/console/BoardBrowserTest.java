package org.techroute.api.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.techroute.data.demo.DemoProblemGenerator;
import org.techroute.data.demo.DemoSpec;
import org.techroute.data.demo.PointSource;
import org.techroute.data.json.ProblemJson;
import org.techroute.data.model.Priority;
import org.techroute.data.model.Problem;
import org.techroute.data.model.TravelMode;
import org.techroute.data.model.Visit;

/**
 * The dispatch board in a real (headless) browser: a visit dragged onto another technician's row shows its cost
 * before the drop (the same as the preview endpoint says), the drop pins it there and the re-planned day keeps it;
 * search finds visits and technicians; the technician, priority and day filters act on the map and the timeline;
 * unassigned visits are grouped by reason, drawn as round markers and say where they could go.
 * Each test makes its own plan (a two-day demo plus a visit nobody has the skill for) and waits only on bounded
 * conditions.
 */
@Browser.Required
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BoardBrowserTest {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("techroute.data-dir", () -> Browser.tempDir("techroute-board").toString());
        registry.add("techroute.console.tile-url", () -> "");
        registry.add("techroute.solver.save-interval", () -> "PT0.2S");
    }

    static ChromeDriver driver;

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void browser() {
        driver = Browser.start(Browser.tempDir("techroute-chromium"));
    }

    @AfterAll
    static void quit() {
        if (driver != null) {
            driver.quit();
        }
    }

    @AfterEach
    void noBrowserErrors() {
        if (driver != null) {
            assertThat(Browser.severe(driver)).as("SEVERE entries in the browser log").isEmpty();
        }
    }

    WebDriverWait waitUpTo(int seconds) {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(seconds), Duration.ofMillis(100));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    HttpResponse<String> send(String method, String path, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "application/json");
        if (body != null) {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(
                    body));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = send("GET", path, null);
        assertThat(response.statusCode()).as("GET " + path).isEqualTo(200);
        return json.readTree(response.body());
    }

    /** Two demo days, four technicians, a visit that needs a skill nobody has; solved with a step limit. */
    String solvedPlan() throws Exception {
        Problem demo = DemoProblemGenerator.generate(new DemoSpec("Board", 4, 24, 2, LocalDate.of(2026, 11, 24),
                ZoneOffset.ofHours(1), TravelMode.HAVERSINE, 7), PointSource.liechtenstein());
        Visit any = demo.visits().get(0);
        Visit welding = new Visit("WELD", "Schlosserei Frick", any.location(), 1800L, null, Map.of("welding", 5),
                null, Priority.HIGH, null, null, null, null, null);
        List<Visit> visits = new ArrayList<>(demo.visits());
        visits.add(welding);
        demo = demo.withResources(demo.technicians(), demo.shifts(), visits).withOptions(demo.optionsOrDefaults()
                .withStepLimit(150L).withRandomSeed(1L).withTimeLimit(Duration.ofMinutes(1)));
        HttpResponse<String> created = send("POST", "/api/plans", ProblemJson.write(demo));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(202);
        String id = json.readTree(created.body()).get("id").asText();
        solved(id, 1);
        driver.get("about:blank"); // a new page, not only a new #fragment: nothing of the last test stays
        driver.get("http://localhost:" + port + "/#plan=" + id);
        waitUpTo(30).until(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
        shown(id);
        return id;
    }

    /** Waits (bounded) until the plan's run is solved. */
    void solved(String id, int run) {
        waitUpTo(90).until(d -> {
            try {
                JsonNode status = get("/api/plans/" + id + "/status");
                return status.path("run").asInt() >= run && "SOLVED".equals(status.path("status").asText());
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** Waits until the console shows the plan's newest solution; returns that plan. */
    JsonNode shown(String id) throws Exception {
        JsonNode plan = get("/api/plans/" + id);
        String score = plan.path("solution").path("score").asText();
        waitUpTo(30).until(d -> score.equals(d.findElement(By.id("map")).getDomAttribute("data-score"))
                && id.equals(d.findElement(By.id("map")).getDomAttribute("data-plan-id"))
                && "SOLVED".equals(d.findElement(By.tagName("body")).getDomAttribute("data-status")));
        return plan;
    }

    static Map<String, JsonNode> byId(JsonNode list) {
        Map<String, JsonNode> map = new HashMap<>();
        list.forEach(n -> map.put(n.path("id").asText(), n));
        return map;
    }

    static boolean skilled(JsonNode technician, JsonNode visit) {
        boolean[] ok = { true };
        visit.path("requiredSkills").fields().forEachRemaining(e -> ok[0] &= technician.path("skills")
                .path(e.getKey()).asInt(0) >= e.getValue().asInt());
        return ok[0];
    }

    static List<String> route(JsonNode plan, String shiftId) {
        List<String> ids = new ArrayList<>();
        for (JsonNode route : plan.path("solution").path("routes")) {
            if (route.path("shiftId").asText().equals(shiftId)) {
                route.path("visitIds").forEach(v -> ids.add(v.asText()));
            }
        }
        return ids;
    }

    WebElement block(String visitId) {
        return driver.findElement(By.cssSelector("#timeline button.tl-block[data-visit-id='" + visitId + "']"));
    }

    @Test
    void aVisitDraggedToAnotherTechnicianShowsItsCostIsPinnedAndReplanned() throws Exception {
        String id = solvedPlan();
        JsonNode plan = get("/api/plans/" + id);
        Map<String, JsonNode> shifts = byId(plan.path("shifts"));
        Map<String, JsonNode> technicians = byId(plan.path("technicians"));
        Map<String, JsonNode> visits = byId(plan.path("visits"));
        String day = plan.path("shifts").get(0).path("start").asText().substring(0, 10);
        // a visit of one technician's route on the first day, and another technician's route that day he could serve
        String visitId = null;
        String target = null;
        for (JsonNode from : plan.path("solution").path("routes")) {
            for (JsonNode to : plan.path("solution").path("routes")) {
                if (visitId != null || from == to || from.path("visitIds").isEmpty() || to.path("visitIds").isEmpty()
                        || !shifts.get(from.path("shiftId").asText()).path("start").asText().startsWith(day)
                        || !shifts.get(to.path("shiftId").asText()).path("start").asText().startsWith(day)) {
                    continue;
                }
                String candidate = from.path("visitIds").get(from.path("visitIds").size() - 1).asText();
                JsonNode technician = technicians.get(to.path("technicianId").asText());
                if (skilled(technician, visits.get(candidate))) {
                    visitId = candidate;
                    target = to.path("shiftId").asText();
                }
            }
        }
        assertThat(visitId).as("a visit another technician could serve").isNotNull();
        String targetShift = target;
        String firstOfTarget = route(plan, target).get(0);

        // drag it just after the first visit of the other route, and hold it there
        WebElement source = block(visitId);
        WebElement anchor = block(firstOfTarget);
        new Actions(driver).clickAndHold(source).moveByOffset(8, 8)
                .moveToElement(anchor, anchor.getSize().getWidth() / 2 + 2, 0).perform();
        String movedId = visitId;
        WebElement cost = waitUpTo(30).until(d -> {
            WebElement box = d.findElement(By.id("drop-cost"));
            String state = box.getDomAttribute("data-state");
            return movedId.equals(box.getDomAttribute("data-visit-id"))
                    && targetShift.equals(box.getDomAttribute("data-shift-id"))
                    && ("ok".equals(state) || "breaks".equals(state)) ? box : null;
        });
        assertThat(driver.findElement(By.cssSelector("#timeline .tl-row[data-shift-id='" + target + "']"))
                .getDomAttribute("class")).contains("drop-over");
        int position = Integer.parseInt(cost.getDomAttribute("data-position"));
        assertThat(position).isEqualTo(1);
        // the cost shown is the service's preview of that move
        HttpResponse<String> preview = send("POST", "/api/plans/" + id + "/changes/preview", "{\"changes\": [{"
                + "\"type\": \"MOVE_VISIT\", \"visitId\": \"" + visitId + "\", \"shiftId\": \"" + target
                + "\", \"position\": 1, \"pin\": true}]}");
        assertThat(preview.statusCode()).as(preview.body()).isEqualTo(200);
        String scoreDiff = json.readTree(preview.body()).path("scoreDiff").asText();
        assertThat(cost.getDomAttribute("data-score-diff")).isEqualTo(scoreDiff);
        assertThat(cost.getText()).contains(visitId).contains(scoreDiff).containsAnyOf("breaks no rule", "breaks ");
        assertThat(get("/api/plans/" + id + "/status").path("run").asInt()).as("nothing changed before the drop")
                .isEqualTo(1);

        // drop: MOVE_VISIT with pin, and the re-plan
        new Actions(driver).release().perform();
        waitUpTo(30).until(d -> !d.findElements(By.cssSelector("#moved [data-mode]")).isEmpty()
                || !d.findElements(By.cssSelector("#moved .error-box")).isEmpty());
        assertThat(driver.findElements(By.cssSelector("#moved .error-box"))).as(driver.findElement(By.id("moved"))
                .getText()).isEmpty();
        solved(id, 2);
        JsonNode replanned = shown(id);
        assertThat(route(replanned, target).subList(0, 2)).as(driver.findElement(By.id("moved")).getText())
                .containsExactly(firstOfTarget, visitId);
        JsonNode pin = byId(replanned.path("visits")).get(visitId).path("pin");
        assertThat(pin.path("shiftId").asText()).isEqualTo(target);
        assertThat(pin.path("position").asInt()).isEqualTo(1);
        WebElement pinned = waitUpTo(20).until(d -> block(movedId).getDomAttribute("class").contains("locked")
                ? block(movedId) : null);
        assertThat(pinned.findElement(By.xpath("ancestor::div[contains(@class,'tl-row')]")).getDomAttribute(
                "data-shift-id")).isEqualTo(target);

        // the details say it is locked, and unlock it
        pinned.click();
        WebElement locked = waitUpTo(10).until(d -> d.findElement(By.cssSelector("#details [data-field=locked]")));
        assertThat(locked.getText()).contains("Locked");
        driver.findElement(By.id("unlock-visit")).click();
        solved(id, 3);
        shown(id);
        // the visit before it stays locked (a lock is a route's first visits; it has its own Unlock)
        assertThat(byId(get("/api/plans/" + id).path("visits")).get(visitId).has("pin")).isFalse();

        // lock the whole route from its row: every visit of it is locked
        driver.findElement(By.cssSelector("#timeline .tl-lock[data-lock-shift='" + target + "']")).click();
        solved(id, 4);
        JsonNode locked4 = shown(id);
        Map<String, JsonNode> after = byId(locked4.path("visits"));
        List<String> lockedRoute = route(locked4, target);
        assertThat(lockedRoute).isNotEmpty().allMatch(v -> after.get(v).path("pin").path("shiftId").asText()
                .equals(targetShift));
        waitUpTo(20).until(d -> d.findElements(By.cssSelector("#timeline .tl-row[data-shift-id='" + targetShift
                + "'] button.tl-block[data-visit-id]")).stream().allMatch(b -> b.getDomAttribute("class")
                        .contains("locked")));
    }

    @Test
    void searchFiltersAndTheUnassignedVisits() throws Exception {
        String id = solvedPlan();
        JsonNode plan = get("/api/plans/" + id);
        Map<String, JsonNode> shifts = byId(plan.path("shifts"));
        List<String> days = plan.path("shifts").findValues("start").stream().map(s -> s.asText().substring(0, 10))
                .distinct().sorted().toList();
        assertThat(days).hasSize(2);

        // search: a customer, then a technician
        JsonNode visit = plan.path("visits").get(3);
        WebElement search = driver.findElement(By.id("search"));
        search.sendKeys(visit.path("customerName").asText());
        waitUpTo(10).until(d -> d.findElement(By.cssSelector("#search-results button[data-visit-id='"
                + visit.path("id").asText() + "']"))).click();
        waitUpTo(10).until(d -> d.findElement(By.cssSelector("#details .details[data-visit-id='"
                + visit.path("id").asText() + "']")));
        JsonNode technician = plan.path("technicians").get(1);
        String technicianId = technician.path("id").asText();
        search.clear();
        search.sendKeys(technician.path("name").asText());
        waitUpTo(10).until(d -> d.findElement(By.cssSelector("#search-results button[data-technician-id='"
                + technicianId + "']"))).click();

        // the technician filter: his rows only, his visits only on the map
        for (String day : days) {
            new Select(driver.findElement(By.id("day"))).selectByValue(day);
            Set<String> his = new HashSet<>();
            int lines = 0;
            for (JsonNode route : plan.path("solution").path("routes")) {
                JsonNode shift = shifts.get(route.path("shiftId").asText());
                if (shift.path("technicianId").asText().equals(technicianId) && shift.path("start").asText()
                        .startsWith(day)) {
                    route.path("visitIds").forEach(v -> his.add(v.asText()));
                    lines += route.path("visitIds").isEmpty() ? 0 : 1;
                }
            }
            int expectedLines = lines;
            waitUpTo(10).until(d -> markers().equals(his)
                    && d.findElements(By.cssSelector("#map path.route-line")).size() == expectedLines);
            assertThat(driver.findElements(By.cssSelector("#timeline .tl-row"))).isNotEmpty()
                    .allMatch(r -> technicianId.equals(r.getDomAttribute("data-technician-id")));
        }
        driver.findElement(By.id("f-clear")).click();

        // the day filter alone: the map shows the day's routes and visits only (it used to show both days)
        for (String day : days) {
            new Select(driver.findElement(By.id("day"))).selectByValue(day);
            Set<String> served = new HashSet<>();
            int lines = 0;
            for (JsonNode route : plan.path("solution").path("routes")) {
                if (shifts.get(route.path("shiftId").asText()).path("start").asText().startsWith(day)) {
                    route.path("visitIds").forEach(v -> served.add(v.asText()));
                    lines += route.path("visitIds").isEmpty() ? 0 : 1;
                }
            }
            int expectedLines = lines;
            waitUpTo(10).until(d -> markers().containsAll(served) && !markers().stream().anyMatch(v ->
                    !served.contains(v) && !unassigned(plan).contains(v))
                    && d.findElements(By.cssSelector("#map path.route-line")).size() == expectedLines);
        }

        // the priority filter: only that priority on the map; other blocks dimmed on the timeline
        new Select(driver.findElement(By.id("f-priority"))).selectByValue("NORMAL");
        waitUpTo(10).until(d -> !markers().isEmpty() && markers().stream().allMatch(v -> "NORMAL".equals(
                byId(plan.path("visits")).get(v).path("priority").asText("NORMAL"))));
        for (WebElement b : driver.findElements(By.cssSelector("#timeline button.tl-block[data-visit-id]"))) {
            String priority = byId(plan.path("visits")).get(b.getDomAttribute("data-visit-id")).path("priority")
                    .asText("NORMAL");
            assertThat(b.getDomAttribute("class").contains("dimmed")).isEqualTo(!"NORMAL".equals(priority));
        }
        driver.findElement(By.id("f-clear")).click();

        // the unassigned visit nobody can serve: grouped under its reason, a round marker, and why not anyone
        WebElement group = waitUpTo(10).until(d -> d.findElement(By.cssSelector("#unassigned details[data-reason=SKILL]")));
        assertThat(group.getText()).contains("WELD").contains("welding");
        Rectangle dot = driver.findElement(By.cssSelector("#map .visit-icon.unassigned[data-visit-id=WELD] .dot"))
                .getRect();
        assertThat(dot.getWidth()).isEqualTo(dot.getHeight()).isGreaterThanOrEqualTo(14);
        // dragged onto a route, it says which rule that breaks; Escape puts it back, nothing is sent
        WebElement row = driver.findElement(By.cssSelector("#timeline .tl-row .tl-track"));
        new Actions(driver).clickAndHold(group.findElement(By.cssSelector("button[data-drag-visit=WELD]")))
                .moveByOffset(10, 10).moveToElement(row).perform();
        WebElement cost = waitUpTo(30).until(d -> {
            WebElement box = d.findElement(By.id("drop-cost"));
            return "WELD".equals(box.getDomAttribute("data-visit-id")) && "breaks".equals(box.getDomAttribute(
                    "data-state")) ? box : null;
        });
        assertThat(cost.findElement(By.cssSelector("[data-broken]")).getDomAttribute("data-broken"))
                .contains("requiredSkill");
        new Actions(driver).sendKeys(org.openqa.selenium.Keys.ESCAPE).release().perform();
        waitUpTo(10).until(d -> d.findElement(By.tagName("body")).getDomAttribute("data-dragging") == null);
        assertThat(get("/api/plans/" + id + "/status").path("run").asInt()).as("a cancelled drag sends nothing")
                .isEqualTo(1);
        group = driver.findElement(By.cssSelector("#unassigned details[data-reason=SKILL]"));
        group.findElement(By.cssSelector("button[data-drag-visit=WELD]")).click();
        driver.findElement(By.id("where-could-it-go")).click();
        List<WebElement> whyNot = waitUpTo(30).until(d -> {
            List<WebElement> found = d.findElements(By.cssSelector("#options .why-not li[data-blocker]"));
            return found.isEmpty() ? null : found;
        });
        assertThat(whyNot).hasSize(plan.path("shifts").size());
        assertThat(whyNot).allMatch(li -> "SKILL".equals(li.getDomAttribute("data-blocker")));
        assertThat(whyNot.get(0).getText()).contains("welding");
    }

    Set<String> markers() {
        Set<String> ids = new HashSet<>();
        for (WebElement marker : driver.findElements(By.cssSelector("#map .visit-icon[data-visit-id]"))) {
            ids.add(marker.getDomAttribute("data-visit-id"));
        }
        return ids;
    }

    static Set<String> unassigned(JsonNode plan) {
        Set<String> ids = new HashSet<>();
        plan.path("solution").path("unassignedVisits").forEach(u -> ids.add(u.path("visitId").asText()));
        return ids;
    }
}
