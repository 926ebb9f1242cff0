package org.techroute.data.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Lists every skipped test or test class with its reason: "SKIPPED name (n tests): reason". Surefire counts
 * skipped tests but prints no reason, and keeps the tests' own output in files; so the lines also go to the file
 * named by system property {@code techroute.skipped-report} (set by the parent pom), which the build prints
 * after the tests. Registered for the JUnit Platform launcher by {@code META-INF/services} (data's test-jar
 * brings it to the api module's tests too).
 */
public final class SkipReporter implements TestExecutionListener {

    /** The report file is started afresh once per test JVM (surefire: one per module and run). */
    private static final AtomicBoolean STARTED = new AtomicBoolean();

    private TestPlan plan;

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        plan = testPlan;
        Path file = reportFile();
        if (file != null && STARTED.compareAndSet(false, true)) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        report(test, reason);
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (result.getStatus() == TestExecutionResult.Status.ABORTED) {
            report(test, result.getThrowable().map(Throwable::getMessage).orElse("aborted"));
        }
    }

    private void report(TestIdentifier test, String reason) {
        String line = "SKIPPED " + name(test) + count(test) + ": " + reason;
        System.out.println(line);
        Path path = reportFile();
        if (path != null) {
            try {
                Files.createDirectories(path.toAbsolutePath().getParent());
                Files.writeString(path, line + System.lineSeparator(), StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static Path reportFile() {
        String file = System.getProperty("techroute.skipped-report");
        return file == null || file.isBlank() ? null : Path.of(file);
    }

    private static String name(TestIdentifier test) {
        TestSource source = test.getSource().orElse(null);
        if (source instanceof MethodSource method) {
            return method.getClassName() + "." + method.getMethodName();
        }
        if (source instanceof ClassSource type) {
            return type.getClassName();
        }
        return test.getDisplayName();
    }

    private String count(TestIdentifier test) {
        if (!test.isContainer() || plan == null) {
            return "";
        }
        // test methods, and parameterized test templates (not expanded when skipped) as one each
        long tests = plan.getDescendants(test).stream()
                .filter(t -> t.getSource().orElse(null) instanceof MethodSource).count();
        return tests == 0 ? "" : " (" + tests + (tests == 1 ? " test)" : " tests)");
    }
}
