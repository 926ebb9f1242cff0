package org.techroute.api.exports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.techroute.api.plans.PlanRecord;
import org.techroute.api.plans.PlanService;
import org.techroute.api.plans.PlanStatus;
import org.techroute.api.routes.StraightLineRouteGeometry;
import org.techroute.api.support.Problems;
import org.techroute.api.support.WebSliceConfiguration;
import org.techroute.data.model.Problem;
import org.techroute.data.model.Route;

/**
 * The route sheet prints: a solved demo day with four technicians, served by the sheet endpoints, printed to PDF
 * by headless Chromium, gives one page per technician (and one for a single shift's sheet).
 */
@Chromium.Required
@WebMvcTest(ExportController.class)
@Import({ WebSliceConfiguration.class, StraightLineRouteGeometry.class })
class RouteSheetPdfTest {

    static final int TECHNICIANS = 4;
    static Problem plan;

    @Autowired
    MockMvc mvc;
    @MockitoBean
    PlanService plans;
    @TempDir
    Path dir;

    @BeforeAll
    static void solve() {
        Problem demo = Problems.demo(TECHNICIANS, 36);
        // a short reproducible solve: the construction plus 100 local search steps
        plan = Problems.planner().solve(demo.withOptions(demo.optionsOrDefaults().withStepLimit(100L)
                .withRandomSeed(1L)), progress -> { });
    }

    void given() {
        OffsetDateTime saved = OffsetDateTime.parse("2026-11-23T18:00:00Z");
        when(plans.stored("p1")).thenReturn(new PlanService.StoredPlan(new PlanRecord("p1", plan.name(),
                PlanStatus.SOLVED, null, 1, null, null, null, null, null, null, saved, saved, null, null), plan));
    }

    static int pages(Path pdf) throws Exception {
        String text = new String(Files.readAllBytes(pdf), StandardCharsets.ISO_8859_1);
        Matcher m = Pattern.compile("/Type\\s*/Page(?![a-zA-Z])").matcher(text);
        int pages = 0;
        while (m.find()) {
            pages++;
        }
        return pages;
    }

    Path print(String path, String name) throws Exception {
        byte[] html = mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsByteArray();
        Path file = dir.resolve(name + ".html");
        Files.write(file, html);
        Path pdf = dir.resolve(name + ".pdf");
        Chromium.printToPdf(file, pdf, dir);
        // kept for a look: api/target/route-sheet*.pdf
        Files.copy(pdf, Path.of("target", name + ".pdf"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return pdf;
    }

    @Test
    void theWholePlanPrintsOnePagePerTechnician() throws Exception {
        given();
        assertThat(plan.shifts()).hasSize(TECHNICIANS);
        assertThat(plan.solution().routes()).allMatch(r -> !r.visitIds().isEmpty());
        int most = plan.solution().routes().stream().mapToInt(r -> r.visitIds().size()).max().orElseThrow();
        assertThat(most).as("a full day on a page").isGreaterThanOrEqualTo(6);

        assertThat(pages(print("/api/plans/p1/sheet", "route-sheet"))).isEqualTo(TECHNICIANS);
    }

    @Test
    void oneShiftPrintsOnOnePage() throws Exception {
        given();
        Route busiest = plan.solution().routes().stream().max(java.util.Comparator.comparingInt(r -> r.visitIds()
                .size())).orElseThrow();

        assertThat(pages(print("/api/plans/p1/routes/" + busiest.shiftId() + "/sheet", "route-sheet-shift")))
                .isEqualTo(1);
    }
}
