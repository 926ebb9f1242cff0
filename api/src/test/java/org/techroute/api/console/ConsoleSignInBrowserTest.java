package org.techroute.api.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.techroute.api.security.ApiKeys;
import org.techroute.api.security.Role;

/**
 * The console with API keys switched on: it asks to sign in, refuses a wrong key, and shows a viewer only what
 * he may do (no demo, solve, stop, changes or what-if) and a dispatcher all of it.
 */
@Browser.Required
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConsoleSignInBrowserTest {

    static final Path DATA_DIR = Browser.tempDir("techroute-console-signin");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("techroute.data-dir", DATA_DIR::toString);
        registry.add("techroute.security.api-keys.enabled", () -> "true");
    }

    static ChromeDriver driver;

    @LocalServerPort
    int port;
    @Autowired
    ApiKeys keys;

    @BeforeAll
    static void browser() {
        driver = Browser.start(Browser.tempDir("techroute-chromium-signin"));
    }

    @AfterAll
    static void quit() {
        if (driver != null) {
            driver.quit();
        }
    }

    WebDriverWait waitUpTo(int seconds) {
        return new WebDriverWait(driver, Duration.ofSeconds(seconds), Duration.ofMillis(200));
    }

    void signIn(String credential) {
        waitUpTo(20).until(d -> d.findElement(By.id("signin-form")).isDisplayed());
        driver.findElement(By.id("signin-credential")).sendKeys(credential);
        driver.findElement(By.id("signin")).click();
    }

    @Test
    void signsInAndShowsOnlyWhatTheRoleMayDo() {
        String viewer = keys.create("vic", Role.VIEWER, null, "test").key();
        String dispatcher = keys.create("dora", Role.DISPATCHER, null, "test").key();

        driver.get("http://127.0.0.1:" + port + "/");
        signIn("trk_wrong");
        waitUpTo(20).until(d -> d.findElement(By.id("status")).getText().contains("not valid"));
        assertThat(driver.findElement(By.id("signin-form")).isDisplayed()).isTrue();

        driver.findElement(By.id("signin-credential")).sendKeys(viewer);
        driver.findElement(By.id("signin")).click();
        waitUpTo(20).until(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
        assertThat(driver.findElement(By.id("whoami-name")).getText()).isEqualTo("key:vic (viewer)");
        assertThat(driver.findElement(By.id("signin-form")).isDisplayed()).isFalse();
        assertThat(driver.findElement(By.id("demo-form")).isDisplayed()).isFalse();
        assertThat(driver.findElement(By.id("stop")).isDisplayed()).isFalse();
        assertThat(driver.findElement(By.id("plans")).isDisplayed()).isTrue();

        driver.findElement(By.id("signout")).click();
        signIn(dispatcher);
        waitUpTo(20).until(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
        assertThat(driver.findElement(By.id("whoami-name")).getText()).isEqualTo("key:dora (viewer, dispatcher)");
        assertThat(driver.findElement(By.id("demo-form")).isDisplayed()).isTrue();
        assertThat(driver.findElement(By.tagName("body")).getDomAttribute("data-roles")).isEqualTo("viewer dispatcher");
    }
}
