package org.techroute.data.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.techroute.data.export.VisitCsvWriter;
import org.techroute.data.json.ProblemJson;
import org.techroute.data.model.Location;
import org.techroute.data.model.Problem;
import org.techroute.data.model.Visit;
import org.techroute.data.validation.ProblemValidator;

/** The visits of the bundled demo problem, written as CSV and imported again, are the same visits. */
class VisitCsvRoundTripTest {

    static final Path DEMO = Path.of("../docs/examples/demo-problem.json");

    @Test
    void theDemoProblemsVisitsComeBackTheSame() throws Exception {
        Problem demo = ProblemJson.read(DEMO);
        String csv = VisitCsvWriter.write(demo);
        assertThat(csv).startsWith("id,customer,address,lat,lon,x,y,duration,window_start,window_end,priority,");
        assertThat(csv.split("\r\n")).hasSize(demo.visits().size() + 1);

        Problem base = demo.withResources(demo.technicians(), demo.shifts(), List.of());
        VisitImport.Result result = new VisitImport(new ProblemValidator()).importVisits(base, csv,
                new VisitCsvReader(ColumnMapping.none(), null));

        assertThat(result.imported()).isEqualTo(200);
        assertThat(result.ignoredHeaders()).isEmpty();
        assertThat(result.problem().visits()).containsExactlyElementsOf(demo.visits());
        assertThat(result.problem().technicians()).isEqualTo(demo.technicians());
        assertThat(result.problem().shifts()).isEqualTo(demo.shifts());
        // and as JSON, byte for byte
        assertThat(ProblemJson.write(result.problem())).isEqualTo(ProblemJson.write(demo));
    }

    @Test
    void addressNotesAndAwkwardTextSurviveTheRoundTrip() throws Exception {
        Visit visit = new Visit("T-1, \"quoted\"", "Müller; Söhne, GmbH", Location.ofLatLon(47.1, 9.5), 1234L, null,
                null, null, null, null, null, null, null, null, "Städtle 1\n9490 Vaduz",
                "  ring twice;\r\nkey under the mat, \"blue\" door ");
        Problem problem = Problem.of("p", null, List.of(), List.of(), List.of(visit));
        String csv = VisitCsvWriter.write(problem);

        VisitCsvReader.Result read = new VisitCsvReader(ColumnMapping.none(), null).read(csv);

        assertThat(read.rows()).extracting(VisitCsvReader.Row::visit).containsExactly(visit);
        assertThat(read.rows().get(0).line()).isEqualTo(2);
    }
}
