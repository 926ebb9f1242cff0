package org.techroute.api.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.techroute.api.road.RoadGraphHolder;
import org.techroute.data.road.RequiresOsm;
import org.techroute.data.road.SharedOsm;

/**
 * A plan on real roads, a map without tiles: an emergency placed off the road network (here, farther than 30 m from
 * a road) is refused, and the console offers the nearest road point, says how far it is, and adds the emergency
 * there on one click.
 */
@Browser.Required
@RequiresOsm("liechtenstein.osm.pbf")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OffRoadEmergencyBrowserTest {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("techroute.data-dir", () -> Browser.tempDir("techroute-offroad").toString());
        registry.add("techroute.road.osm-file", () -> SharedOsm.require("liechtenstein.osm.pbf").toString());
        registry.add("techroute.road.max-snap-meters", () -> "30");
        registry.add("techroute.console.tile-url", () -> "");
    }

    static ChromeDriver driver;

    @LocalServerPort
    int port;
    @Autowired
    RoadGraphHolder roads;

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

    WebDriverWait waitUpTo(int seconds) {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(seconds), Duration.ofMillis(100));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    @Test
    void anEmergencyOffTheRoadsIsOfferedTheNearestRoad() throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (!roads.isLoaded() && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }
        assertThat(roads.isLoaded()).isTrue();
        HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://localhost:" + port + "/api/demo?submit=true&technicians=3&visits=10&days=1&seed=2"
                        + "&timeLimit=PT2S")).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(202);
        String id = new ObjectMapper().readTree(created.body()).get("id").asText();

        driver.get("http://localhost:" + port + "/#plan=" + id);
        waitUpTo(60).until(d -> "SOLVED".equals(d.findElement(By.tagName("body")).getDomAttribute("data-status"))
                && !d.findElement(By.id("map")).getDomAttribute("data-score").isEmpty());
        // a click on the map fills in the position; then the position of a meadow above Triesen, away from the roads
        // (NearestRoadTest: farther than 30 m), as a click without tiles might land
        WebElement map = driver.findElement(By.id("map"));
        new Actions(driver).moveToElement(map, -map.getSize().getWidth() / 4, -map.getSize().getHeight() / 4)
                .click().perform();
        WebElement lat = waitUpTo(10).until(d -> d.findElement(By.id("em-lat")));
        lat.clear();
        lat.sendKeys("47.0950");
        WebElement lon = driver.findElement(By.id("em-lon"));
        lon.clear();
        lon.sendKeys("9.5450");
        driver.findElement(By.id("em-submit")).click();
        WebElement retry = waitUpTo(30).until(d -> d.findElement(By.id("snap-retry")));
        String offer = driver.findElement(By.id("snap-offer")).getText();
        assertThat(offer).contains("off the road network").contains("The nearest road is").contains(" m away");
        assertThat(driver.findElement(By.cssSelector("#moved .error-box")).getText()).contains("refused");

        retry.click();
        waitUpTo(30).until(d -> !d.findElements(By.cssSelector("#moved [data-mode]")).isEmpty());
        String emergency = driver.findElement(By.tagName("body")).getDomAttribute("data-last-emergency");
        assertThat(emergency).endsWith("-R");
        assertThat(driver.findElement(By.id("moved")).getText()).contains("onto the road");
    }
}
