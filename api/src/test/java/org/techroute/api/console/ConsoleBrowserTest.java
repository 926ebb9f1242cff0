package org.techroute.api.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The dispatcher console in a real (headless) browser against the whole service: a demo plan is created and
 * solved from the console, its routes drawn on the map match the plan served over HTTP, a visit explains itself,
 * and a what-if comparison shows its KPI table. The browser log must stay free of errors.
 */
@Browser.Required
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class) // the order only saves solving a demo per test
class ConsoleBrowserTest {

    static final Path DATA_DIR = Browser.tempDir("techroute-console");
    /** Where the screenshot of the solved demo goes: the module's target/, never the checkout. */
    static final Path SCREENSHOT = Path.of("target", "console.png");
    /** With -Dtechroute.screenshot.update=true, the screenshot also replaces the README's docs/console.png. */
    static final Path DOCS_SCREENSHOT = Path.of("..", "docs", "console.png");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("techroute.data-dir", DATA_DIR::toString);
        registry.add("techroute.console.tile-url", () -> ""); // no tiles: routes on a plain background
    }

    static ChromeDriver driver;
    static String planId;

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void browser() {
        driver = Browser.start(Browser.tempDir("techroute-chromium"));
        // the browser log is really read (so that "no SEVERE entries" below means something)
        driver.executeScript("console.error('techroute log probe')");
        assertThat(Browser.severe(driver)).extracting(e -> e.getMessage()).anyMatch(m -> m.contains("log probe"));
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
        return new WebDriverWait(driver, Duration.ofSeconds(seconds), Duration.ofMillis(200));
    }

    JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET " + path).isEqualTo(200);
        return json.readTree(response.body());
    }

    @Test
    @Order(1)
    void createsAndSolvesADemoAndDrawsItsRoutes() throws Exception {
        driver.get("http://localhost:" + port + "/");
        waitUpTo(20).until(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
        assertThat(driver.getTitle()).contains("techroute");
        assertThat(driver.findElement(By.id("status")).getDomAttribute("aria-live")).isEqualTo("polite");

        // small defaults: 4 technicians, 16 visits, 1 day, 8 s
        assertThat(driver.findElement(By.id("demo-technicians")).getDomProperty("value")).isEqualTo("4");
        assertThat(driver.findElement(By.id("demo-visits")).getDomProperty("value")).isEqualTo("16");
        assertThat(driver.findElement(By.id("demo-seconds")).getDomProperty("value")).isEqualTo("8");
        planId = solveADemo();
        JsonNode plan = get("/api/plans/" + planId);
        String score = plan.path("solution").path("score").asText();
        assertThat(score).isNotBlank();
        WebElement map = driver.findElement(By.id("map"));
        waitUpTo(20).until(d -> score.equals(map.getDomAttribute("data-score")));

        Set<String> nonEmpty = new HashSet<>();
        for (JsonNode route : plan.path("solution").path("routes")) {
            if (!route.path("visitIds").isEmpty()) {
                nonEmpty.add(route.path("shiftId").asText());
            }
        }
        assertThat(nonEmpty).isNotEmpty();
        List<WebElement> lines = driver.findElements(By.cssSelector("#map path.route-line.leaflet-interactive"));
        Set<String> drawn = new HashSet<>();
        for (WebElement line : lines) {
            drawn.add(line.getDomAttribute("data-shift-id"));
        }
        assertThat(lines).hasSize(nonEmpty.size());
        assertThat(drawn).isEqualTo(nonEmpty);
        assertThat(driver.findElements(By.cssSelector("#map .visit-icon[data-visit-id]")))
                .hasSize(plan.path("visits").size());
        assertThat(driver.findElements(By.cssSelector("#map .visit-icon.unassigned")))
                .hasSize(plan.path("solution").path("unassignedVisits").size());

        // the timeline: one row per shift of the day, one button per served visit
        int served = 0;
        for (JsonNode route : plan.path("solution").path("routes")) {
            served += route.path("visitIds").size();
        }
        assertThat(driver.findElements(By.cssSelector("#timeline .tl-row"))).hasSize(plan.path("shifts").size());
        assertThat(driver.findElements(By.cssSelector("#timeline button.tl-block.step-SERVICE"))).hasSize(served);
        assertThat(driver.findElement(By.id("kpis")).getText()).contains("Visits assigned");
        assertThat(driver.findElement(By.id("plans")).getText()).contains("SOLVED");
    }

    /** Clicks "new demo" in the open console and waits until the plan is solved; its id. */
    String solveADemo() {
        driver.findElement(By.id("new-demo")).click();
        // the plan is followed live (SSE) until it is solved, then drawn from the final plan
        waitUpTo(60).until(d -> "SOLVED".equals(d.findElement(By.tagName("body")).getDomAttribute("data-status")));
        String id = driver.findElement(By.tagName("body")).getDomAttribute("data-plan-id");
        assertThat(id).isNotBlank();
        return id;
    }

    /**
     * The solved demo the later tests share, shown in the console: the first test's, or (when a test runs alone or
     * first) one made here the same way, so that no test depends on the order the tests run in.
     */
    String solvedDemo() {
        if (planId == null) {
            driver.get("http://localhost:" + port + "/");
            waitUpTo(20).until(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
            planId = solveADemo();
        }
        return planId;
    }

    void screenshot() throws IOException {
        Files.createDirectories(SCREENSHOT.toAbsolutePath().getParent());
        Files.write(SCREENSHOT, driver.getScreenshotAs(OutputType.BYTES));
        if (Boolean.getBoolean("techroute.screenshot.update") && Files.isDirectory(DOCS_SCREENSHOT.getParent())) {
            Files.copy(SCREENSHOT, DOCS_SCREENSHOT, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Test
    @Order(2)
    void aVisitExplainsItself() throws Exception {
        solvedDemo();
        JsonNode plan = get("/api/plans/" + planId);
        JsonNode route = null;
        for (JsonNode r : plan.path("solution").path("routes")) {
            if (!r.path("visitIds").isEmpty()) {
                route = r;
                break;
            }
        }
        assertThat(route).isNotNull();
        String visitId = route.path("visitIds").get(0).asText();
        String technicianId = route.path("technicianId").asText();
        String start = null;
        for (JsonNode step : route.path("steps")) {
            if ("SERVICE".equals(step.path("type").asText()) && visitId.equals(step.path("visitId").asText())) {
                start = step.path("start").asText().substring(11, 16);
            }
        }

        // by mouse, on the map
        driver.findElement(By.cssSelector("#map .visit-icon[data-visit-id='" + visitId + "']")).click();
        WebElement details = waitUpTo(10).until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#details .details[data-visit-id='" + visitId + "']")));
        assertThat(details.getText()).contains("Visit " + visitId).contains(technicianId).contains(start)
                .contains(route.path("shiftId").asText());

        // by keyboard, in the timeline: focus the block and press Enter
        String other = route.path("visitIds").get(route.path("visitIds").size() - 1).asText();
        WebElement block = driver.findElement(By.cssSelector("#timeline button.tl-block[data-visit-id='" + other + "']"));
        ((JavascriptExecutor) driver).executeScript("arguments[0].focus()", block);
        block.sendKeys(Keys.ENTER);
        waitUpTo(10).until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#details .details[data-visit-id='" + other + "']")));

        // an unassigned visit, if there is one, gives its reason
        JsonNode unassigned = plan.path("solution").path("unassignedVisits");
        if (!unassigned.isEmpty()) {
            String id = unassigned.get(0).path("visitId").asText();
            driver.findElement(By.cssSelector("#map .visit-icon[data-visit-id='" + id + "']")).click();
            WebElement reason = waitUpTo(10).until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("#details .details[data-visit-id='" + id + "'] [data-field=reason]")));
            assertThat(reason.getText()).contains(unassigned.get(0).path("reason").asText());
        }

        screenshot(); // the solved demo with a visit explained

        // the constraint breakdown
        driver.findElement(By.id("tab-score")).click();
        List<WebElement> constraints = driver.findElements(By.cssSelector("#constraints tbody tr[data-constraint]"));
        assertThat(constraints).hasSize(plan.path("solution").path("constraints").size());
        List<String> names = new ArrayList<>();
        constraints.forEach(c -> names.add(c.getDomAttribute("data-constraint")));
        assertThat(names).contains("travelTime", "unassignedVisit");
        // nothing is clipped: every cell's content fits its cell; soft scores read as minutes, not milliseconds
        for (WebElement cell : driver.findElements(By.cssSelector("#constraints tbody td"))) {
            Object fits = ((JavascriptExecutor) driver).executeScript(
                    "return arguments[0].scrollWidth <= arguments[0].clientWidth + 1", cell);
            assertThat(fits).as("cell '%s' fits", cell.getText()).isEqualTo(true);
        }
        WebElement travel = driver.findElement(By.cssSelector("#constraints tbody tr[data-constraint=travelTime]"));
        assertThat(travel.findElements(By.tagName("td")).get(2).getText()).endsWith(" min");
        travel.findElement(By.cssSelector("td button")).click();
        WebElement matches = driver.findElement(By.cssSelector("#constraints tr[data-matches-of=travelTime]"));
        assertThat(matches.isDisplayed()).isTrue();
        assertThat(matches.getText()).contains("min of travel");
    }

    @Test
    @Order(3)
    void whatIfShowsTheVariantsSideBySide() {
        solvedDemo();
        driver.findElement(By.id("tab-whatif")).click();
        WebElement seconds = driver.findElement(By.id("wi-seconds"));
        seconds.clear();
        seconds.sendKeys("2");
        driver.findElement(By.id("wi-run")).click();
        WebElement table = waitUpTo(60).until(ExpectedConditions.visibilityOfElementLocated(By.id("whatif-table")));
        List<WebElement> columns = table.findElements(By.cssSelector("thead th"));
        assertThat(columns).hasSize(4); // KPI + three variants
        assertThat(columns.get(1).getText()).isEqualTo("as planned");
        assertThat(columns.get(2).getText()).startsWith("without ");
        assertThat(columns.get(3).getText()).isEqualTo("travel weighs less");
        List<WebElement> status = table.findElements(By.cssSelector("tr[data-kpi=status] td"));
        assertThat(status).extracting(WebElement::getText).containsExactly("SOLVED", "SOLVED", "SOLVED");
        assertThat(table.findElements(By.cssSelector("tr[data-kpi=visitsAssigned] td"))).hasSize(3);
        assertThat(table.findElements(By.cssSelector("td.best"))).isNotEmpty();
        // the table fits its panel (the last variant's column used to be cut off), and exports as CSV
        Object fits = ((JavascriptExecutor) driver).executeScript("const t = arguments[0];"
                + " return t.getBoundingClientRect().right <= document.getElementById('panel-whatif')"
                + ".getBoundingClientRect().right + 1", table);
        assertThat(fits).isEqualTo(true);
        String href = driver.findElement(By.id("whatif-csv")).getDomAttribute("href");
        assertThat(href).startsWith("data:text/csv");
        String csv = java.net.URLDecoder.decode(href.substring(href.indexOf(',') + 1),
                java.nio.charset.StandardCharsets.UTF_8);
        assertThat(csv.lines().findFirst().orElse("")).startsWith("KPI,as planned,without ")
                .endsWith(",travel weighs less");
        assertThat(csv).contains("\r\nStatus,SOLVED,SOLVED,SOLVED\r\n");
    }

    /** Waits (bounded) for the plan's next run to be solved; returns the solved plan. */
    JsonNode solvedAfterRun(int previousRun) {
        waitUpTo(60).until(d -> {
            try {
                JsonNode status = get("/api/plans/" + planId + "/status");
                return status.path("run").asInt() > previousRun && "SOLVED".equals(status.path("status").asText());
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        try {
            JsonNode plan = get("/api/plans/" + planId);
            String score = plan.path("solution").path("score").asText();
            waitUpTo(20).until(d -> score.equals(d.findElement(By.id("map")).getDomAttribute("data-score"))
                    && "SOLVED".equals(d.findElement(By.tagName("body")).getDomAttribute("data-status")));
            return plan;
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The change's "what moved" summary, or a clear failure when the service has no live-changes endpoint. */
    void expectWhatMoved() {
        // the panel is drawn from the change's answer and drawn again when the plan is refreshed: read the element
        // in the same step that finds it, and look again if it was replaced meanwhile
        String refused = waitUpTo(30).ignoring(StaleElementReferenceException.class).until(d -> {
            List<WebElement> found = d.findElements(By.cssSelector("#moved [data-moved=reassigned], #moved .error-box"));
            if (found.isEmpty()) {
                return null;
            }
            return found.get(0).getDomAttribute("data-moved") != null ? "" : found.get(0).getText();
        });
        if (!refused.isEmpty()) {
            throw new AssertionError("the console's live change was refused: '" + refused + "'. If this says"
                    + " 404/405, POST /api/plans/{id}/changes (branch 'live') is missing from this build.");
        }
        assertThat(driver.findElement(By.id("moved")).getText()).contains("Reassigned:").contains("Times shifted:")
                .contains("Unassigned:");
    }

    @Test
    @Order(4)
    void anEmergencyVisitPlacedOnTheMapIsAssigned() throws Exception {
        solvedDemo();
        int run = get("/api/plans/" + planId + "/status").path("run").asInt();
        // click an empty spot of the map (upper left quarter, away from the markers in the middle)
        WebElement map = driver.findElement(By.id("map"));
        new org.openqa.selenium.interactions.Actions(driver)
                .moveToElement(map, -map.getSize().getWidth() / 4, -map.getSize().getHeight() / 4).click().perform();
        waitUpTo(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("emergency-form")));
        assertThat(driver.findElement(By.id("em-lat")).getDomProperty("value")).isNotBlank();
        assertThat(driver.findElement(By.id("em-lon")).getDomProperty("value")).isNotBlank();
        assertThat(driver.findElement(By.id("em-priority")).getDomProperty("value")).isEqualTo("CRITICAL");
        driver.findElement(By.id("em-submit")).click();
        expectWhatMoved();
        String emergency = driver.findElement(By.tagName("body")).getDomAttribute("data-last-emergency");
        assertThat(emergency).startsWith("EM-");

        JsonNode plan = solvedAfterRun(run);
        boolean assigned = false;
        for (JsonNode route : plan.path("solution").path("routes")) {
            for (JsonNode id : route.path("visitIds")) {
                assigned |= emergency.equals(id.asText());
            }
        }
        assertThat(assigned).as("the emergency visit %s is in a route of the plan served over HTTP", emergency)
                .isTrue();
        WebElement marker = driver.findElement(By.cssSelector("#map .visit-icon[data-visit-id='" + emergency + "']"));
        assertThat(marker.getDomAttribute("class")).contains("critical").doesNotContain("unassigned");
        assertThat(driver.findElements(By.cssSelector("#timeline button.tl-block.critical[data-visit-id='"
                + emergency + "']"))).hasSize(1);
        // the panel follows the re-plan to its final plan, where the emergency is placed
        WebElement settled = waitUpTo(30).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#moved [data-provisional=false]")));
        assertThat(settled.getText()).contains(plan.path("solution").path("score").asText());
        assertThat(driver.findElement(By.id("moved")).getText()).contains(emergency);
    }

    @Test
    @Order(5)
    void aTechnicianMarkedUnavailableLosesTheRestOfTheDay() throws Exception {
        solvedDemo();
        int run = get("/api/plans/" + planId + "/status").path("run").asInt();
        driver.findElement(By.id("tab-changes")).click();
        String technician = driver.findElement(By.id("un-technician")).getDomProperty("value");
        assertThat(technician).isNotBlank();
        driver.findElement(By.id("un-submit")).click();
        expectWhatMoved();
        JsonNode plan = solvedAfterRun(run);
        // nothing of that technician starts after the time given (11:00 of the plan's day by default)
        String from = driver.findElement(By.id("un-from")).getDomProperty("value"); // e.g. 2026-11-24T11:00
        for (JsonNode route : plan.path("solution").path("routes")) {
            if (!technician.equals(route.path("technicianId").asText())) {
                continue;
            }
            for (JsonNode step : route.path("steps")) {
                if ("SERVICE".equals(step.path("type").asText())) {
                    assertThat(step.path("start").asText().substring(0, 16)).as("a service of %s", technician)
                            .isLessThan(from);
                }
            }
        }
    }
}
