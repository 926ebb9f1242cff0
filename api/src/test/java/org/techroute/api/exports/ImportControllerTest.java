package org.techroute.api.exports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.techroute.api.plans.PlanService;
import org.techroute.api.plans.PlanStatus;
import org.techroute.api.plans.PlanStatusView;
import org.techroute.api.support.WebSliceConfiguration;
import org.techroute.data.export.VisitCsvWriter;
import org.techroute.data.json.ProblemJson;
import org.techroute.data.model.Problem;
import org.techroute.data.validation.ProblemValidator;

@WebMvcTest(ImportController.class)
@Import({ WebSliceConfiguration.class, ImportControllerTest.Validator.class })
class ImportControllerTest {

    static final Path DEMO = Path.of("../docs/examples/demo-problem.json");

    static class Validator {
        @org.springframework.context.annotation.Bean
        ProblemValidator problemValidator() {
            return new ProblemValidator();
        }
    }

    @Autowired
    MockMvc mvc;
    @MockitoBean
    PlanService plans;

    static MockMultipartFile csv(String text) {
        return new MockMultipartFile("visits", "visits.csv", "text/csv", text.getBytes(StandardCharsets.UTF_8));
    }

    static MockMultipartFile problem(String json) {
        return new MockMultipartFile("problem", "base.json", "application/json",
                json.getBytes(StandardCharsets.UTF_8));
    }

    static String base() throws Exception {
        Problem demo = ProblemJson.read(DEMO);
        return ProblemJson.write(demo.withResources(demo.technicians(), demo.shifts(), List.of()));
    }

    @Test
    void theDemoVisitsImportIntoTheSameProblemAndAreSubmitted() throws Exception {
        Problem demo = ProblemJson.read(DEMO);
        OffsetDateTime now = OffsetDateTime.parse("2026-11-27T10:00:00Z");
        when(plans.submit(any(), isNull(), anyString())).thenReturn(new PlanService.Submission(new PlanStatusView(
                "p9", demo.name(), PlanStatus.QUEUED, 1, null, null, null, null, now, now), true));

        mvc.perform(multipart("/api/plans/import").file(csv(VisitCsvWriter.write(demo))).file(problem(base())))
                .andExpect(status().isAccepted())
                .andExpect(header().string("Location", "/api/plans/p9"))
                .andExpect(jsonPath("$.plan.id").value("p9"))
                .andExpect(jsonPath("$.visitsImported").value(200))
                .andExpect(jsonPath("$.ignoredColumns.length()").value(0));

        ArgumentCaptor<Problem> submitted = ArgumentCaptor.forClass(Problem.class);
        verify(plans).submit(submitted.capture(), isNull(), anyString());
        assertThat(ProblemJson.write(submitted.getValue())).isEqualTo(ProblemJson.write(demo));
    }

    @Test
    void aMappedTicketExportWithoutSubmitReturnsTheProblem() throws Exception {
        String tickets = "Ticket ID,Subject,Lat,Lng,Minutes,Due,Agent\r\n"
                + "T-1,Boiler,47.14,9.52,45,2026-11-24T16:00+01:00,Anna\r\n";
        String body = mvc.perform(multipart("/api/plans/import").file(csv(tickets)).file(problem(base()))
                .param("map", "Ticket ID=id,Subject=customer,Lat=lat,Lng=lon,Minutes=duration")
                .param("submit", "false"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.visits.length()").value(1))
                .andExpect(jsonPath("$.visits[0].id").value("T-1"))
                .andExpect(jsonPath("$.visits[0].serviceDurationSeconds").value(2700))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(ProblemJson.read(body).technicians()).hasSize(20);
        verify(plans, never()).submit(any(), any(), any());
    }

    @Test
    void badRowsAre422WithLineAndColumnAndNothingIsImported() throws Exception {
        String tickets = "id,lat,lon,duration,priority\r\nA,47.1,9.5,30,HIGH\r\nB,47.1,,30,\r\nC,47.1,9.5,x,meh\r\n";
        mvc.perform(multipart("/api/plans/import").file(csv(tickets)).file(problem(base())))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.type").value("https://techroute.org/problems/invalid-import"))
                .andExpect(jsonPath("$.detail").value("the import has 3 error(s); nothing was imported"))
                .andExpect(jsonPath("$.errors[0].line").value(3))
                .andExpect(jsonPath("$.errors[0].column").value("lon"))
                .andExpect(jsonPath("$.errors[0].visitId").value("B"))
                .andExpect(jsonPath("$.errors[1].line").value(4))
                .andExpect(jsonPath("$.errors[1].column").value("duration"))
                .andExpect(jsonPath("$.errors[2].column").value("priority"));
        verify(plans, never()).submit(any(), any(), any());
    }

    @Test
    void badRequestsAreProblemDocuments() throws Exception {
        String ok = "id,lat,lon,duration\r\nA,47.1,9.5,30\r\n";
        mvc.perform(multipart("/api/plans/import").file(csv(ok)).file(problem("{\"shifts\": 3}")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://techroute.org/problems/malformed-json"))
                .andExpect(jsonPath("$.part").value("problem"));
        mvc.perform(multipart("/api/plans/import").file(csv(ok)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        mvc.perform(multipart("/api/plans/import").file(csv(ok)).file(problem(base())).param("map", "Ticket=nothing"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.violations[0].path").value("map"));
        mvc.perform(multipart("/api/plans/import").file(csv(ok)).file(problem(base())).param("zone", "Mars/Base"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.violations[0].path").value("zone"));
        mvc.perform(post("/api/plans/import").contentType("text/csv").content(ok))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        byte[] latin1 = "id,customer,lat,lon,duration\r\nA,M\u00fcller,47.1,9.5,30\r\n"
                .getBytes(StandardCharsets.ISO_8859_1);
        mvc.perform(multipart("/api/plans/import").file(new MockMultipartFile("visits", "v.csv", "text/csv", latin1))
                .file(problem(base())))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].line").value(2))
                .andExpect(jsonPath("$.errors[0].message").value(
                        "the file is not UTF-8 text: save or export it as CSV in UTF-8"));
        assertThat(Files.exists(DEMO)).isTrue();
    }
}
