package org.techroute.api.exports;

import java.io.IOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Debian's headless Chromium printing a page to PDF ({@code chromium --headless --print-to-pdf}); the same binary the
 * console's browser tests use ({@code -Dtechroute.chromium}, default {@code /usr/bin/chromium}). Without it a
 * {@link Required} test class is skipped with the reason (and counted as skipped); with {@code CI=true} it fails.
 */
final class Chromium {

    static final Path BINARY = Path.of(System.getProperty("techroute.chromium", "/usr/bin/chromium"));

    private Chromium() {
    }

    /** A test class that needs Chromium. */
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @ExtendWith(Condition.class)
    @interface Required {
    }

    /** The check behind {@link Required}. */
    static final class Condition implements ExecutionCondition {

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            if (Files.isExecutable(BINARY)) {
                return ConditionEvaluationResult.enabled("chromium is there");
            }
            String message = "printing to PDF needs " + BINARY + " (Debian: apt-get install chromium)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException("CI=true and chromium is missing: " + message);
            }
            return ConditionEvaluationResult.disabled(message);
        }
    }

    /** Prints an HTML file to a PDF file as Chromium's print dialog would (no header or footer lines). */
    static void printToPdf(Path html, Path pdf, Path workDir) throws IOException, InterruptedException {
        Path profile = Files.createDirectories(workDir.resolve("chromium-profile"));
        Path log = workDir.resolve("chromium.log");
        Process process = new ProcessBuilder(List.of(BINARY.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile,
                "--no-pdf-header-footer", "--print-to-pdf=" + pdf, html.toUri().toString()))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("chromium did not finish printing within 180 s");
        }
        if (process.exitValue() != 0 || !Files.isRegularFile(pdf)) {
            throw new IllegalStateException("chromium failed to print (exit " + process.exitValue() + "): "
                    + Files.readString(log, StandardCharsets.UTF_8));
        }
    }
}
