package org.techroute.data.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

import org.techroute.data.road.RequiresOsm;
import org.techroute.data.road.SharedOsm;

/**
 * A test class whose extract is missing is skipped before anything of it runs (no "Tests run: 0"), and the skip
 * is reported with its reason; with {@code CI=true} it fails instead.
 */
class SkipReporterTest {

    /** Not run by surefire itself (a nested class); run below through a launcher of its own. */
    @RequiresOsm("no-such-extract.osm.pbf")
    static class NeedsAMissingExtract {

        @BeforeAll
        static void neverRuns() {
            throw new AssertionError("@BeforeAll of a class without its extract ran");
        }

        @Test
        void one() {
        }

        @Test
        void two() {
        }
    }

    @Test
    void aClassWithoutItsExtractIsSkippedWithTheReasonOrFailsInCi(@TempDir Path dir) throws IOException {
        Path report = dir.resolve("skipped-tests.txt");
        String previous = System.getProperty("techroute.skipped-report");
        System.setProperty("techroute.skipped-report", report.toString());
        TestExecutionSummary summary;
        try {
            SummaryGeneratingListener listener = new SummaryGeneratingListener();
            Launcher launcher = LauncherFactory.create(LauncherConfig.builder()
                    .enableTestExecutionListenerAutoRegistration(false)
                    .addTestExecutionListeners(new SkipReporter(), listener).build());
            launcher.execute(request().selectors(selectClass(NeedsAMissingExtract.class)).build());
            summary = listener.getSummary();
        } finally {
            if (previous == null) {
                System.clearProperty("techroute.skipped-report");
            } else {
                System.setProperty("techroute.skipped-report", previous);
            }
        }

        assertThat(summary.getTestsStartedCount()).isZero();
        if (SharedOsm.ci()) {
            assertThat(summary.getContainersFailedCount()).isEqualTo(1);
            assertThat(summary.getFailures().get(0).getException().getMessage())
                    .contains("no-such-extract.osm.pbf not found").contains("CI=true");
            assertThat(report).doesNotExist();
        } else {
            assertThat(summary.getContainersSkippedCount()).isEqualTo(1);
            assertThat(summary.getContainersFailedCount()).isZero();
            assertThat(Files.readAllLines(report)).singleElement().asString()
                    .startsWith("SKIPPED " + NeedsAMissingExtract.class.getName() + " (2 tests): ")
                    .contains("OpenStreetMap extract no-such-extract.osm.pbf not found in [")
                    .contains("-Dtechroute.osm.dir");
        }
    }
}
