package org.techroute.api.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Crews, dependencies and parts in the console: the worked example ({@code docs/examples/crews-problem.json}) solved,
 * its crew's visits marked on the timeline with the crew, a click on one marks the other, and a visit's details show
 * its crew, the visits it follows and the parts it needs; and the appointment slot picker: slots for a new visit,
 * one booked. The browser log must stay free of errors.
 */
@Browser.Required
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CrewsConsoleBrowserTest {

    static final Path DATA_DIR = Browser.tempDir("techroute-console-crews");
    static final Path EXAMPLE = Path.of("../docs/examples/crews-problem.json");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("techroute.data-dir", DATA_DIR::toString);
        registry.add("techroute.console.tile-url", () -> "");
    }

    static ChromeDriver driver;

    @LocalServerPort
    int port;

    @BeforeAll
    static void browser() {
        driver = Browser.start(Browser.tempDir("techroute-chromium-crews"));
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

    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();

    /** Submits the problem (30 steps), opens the console on it (the newest plan) and waits until it is solved. */
    String showSolved(Path file) throws Exception {
        ObjectNode problem = (ObjectNode) json.readTree(file.toFile());
        ((ObjectNode) problem.get("options")).put("stepLimit", 30);
        HttpResponse<String> submitted = http.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/api/plans")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(problem.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
        String id = json.readTree(submitted.body()).get("id").asText();
        driver.get("http://localhost:" + port + "/");
        waitUpTo(20).until(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
        waitUpTo(60).until(d -> id.equals(d.findElement(By.tagName("body")).getDomAttribute("data-plan-id"))
                && "SOLVED".equals(d.findElement(By.tagName("body")).getDomAttribute("data-status")));
        return id;
    }

    @Test
    void theSlotPickerOffersSlotsAndBooksOne() throws Exception {
        String id = showSolved(Path.of("../docs/examples/small-problem.json"));
        driver.findElement(By.id("tab-changes")).click();
        driver.executeScript("document.getElementById('em-lat').value = '47.155';"
                + "document.getElementById('em-lon').value = '9.507';"
                + "document.getElementById('em-duration').value = '30';");
        driver.findElement(By.id("ap-submit")).click();
        WebElement book = waitUpTo(20).until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("#ap-slots li[data-feasible='true'] button.book")));
        assertThat(driver.findElements(By.cssSelector("#ap-slots li"))).hasSizeGreaterThan(1);
        book.click();
        String booked = waitUpTo(20).until(d -> d.findElement(By.tagName("body")).getDomAttribute("data-last-booked"));
        assertThat(booked).startsWith("APPT-");
        // the plan now has the visit (the re-plan places it within the slot, or says why not)
        waitUpTo(60).until(d -> {
            try {
                return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/plans/" + id))
                        .build(), HttpResponse.BodyHandlers.ofString()).body().contains("\"" + booked + "\"");
            } catch (Exception e) {
                return false;
            }
        });
    }

    @Test
    void aCrewIsLinkedOnTheTimelineAndVisitsShowTheirLinksAndParts() throws Exception {
        showSolved(EXAMPLE);
        WebElement v3 = waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#timeline button.tl-block.crew[data-visit-id='v3']")));
        WebElement v7 = driver.findElement(By.cssSelector("#timeline button.tl-block.crew[data-visit-id='v7']"));
        assertThat(v3.getDomAttribute("data-crew-id")).isEqualTo("praxis");
        assertThat(v3.getDomAttribute("title")).contains("crew praxis with v7");
        assertThat(v7.getDomAttribute("title")).contains("crew praxis with v3");

        v3.click();
        WebElement details = waitUpTo(10).until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#details .details[data-visit-id='v3']")));
        assertThat(details.findElement(By.cssSelector("[data-field=crew]")).getText()).startsWith("praxis: with v7");
        waitUpTo(10).until(d -> d.findElement(By.cssSelector("#timeline button.tl-block[data-visit-id='v7']"))
                .getDomAttribute("class").contains("crew-linked"));

        driver.findElement(By.cssSelector("#timeline button.tl-block[data-visit-id='v6']")).click();
        details = waitUpTo(10).until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#details .details[data-visit-id='v6']")));
        assertThat(details.findElement(By.cssSelector("[data-field=after]")).getText()).startsWith("v2 + ");

        driver.findElement(By.cssSelector("#timeline button.tl-block[data-visit-id='v4']")).click();
        details = waitUpTo(10).until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#details .details[data-visit-id='v4']")));
        assertThat(details.findElement(By.cssSelector("[data-field=parts]")).getText()).isEqualTo("1 × pump");
        assertThat(details.findElement(By.cssSelector("[data-field='followed by']")).getText()).isEqualTo("v8");
    }
}
