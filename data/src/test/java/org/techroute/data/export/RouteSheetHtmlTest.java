package org.techroute.data.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.techroute.data.model.Problem;
import org.techroute.data.model.Technician;
import org.techroute.data.model.Visit;

class RouteSheetHtmlTest {

    static int count(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    @Test
    void onePagePerShiftWithTheStopsInOrder() throws Exception {
        Problem plan = PlanCalendarTest.plan();
        RouteSheet sheet = RouteSheet.of(plan);

        String html = RouteSheetHtml.render(sheet, "Route sheets");

        assertThat(count(html, "<section class=\"sheet\"")).isEqualTo(plan.shifts().size());
        assertThat(sheet.pages()).extracting(RouteSheet.Page::shiftId).containsExactly("anna-mon", "ben-mon");
        RouteSheet.Page anna = sheet.pages().get(0);
        assertThat(anna.stops().stream().filter(s -> s.kind() == RouteSheet.Stop.Kind.VISIT)
                .map(RouteSheet.Stop::visitId)).containsExactlyElementsOf(plan.solution().routes().get(0).visitIds());
        assertThat(anna.stops()).anyMatch(s -> s.kind() == RouteSheet.Stop.Kind.BREAK);
        assertThat(html).contains("<h1>Anna Beck <span class=\"id\">anna</span></h1>",
                "Monday 23 November 2026", "href=\"geo:47.139,9.523?q=47.139,9.523\"", "f-gas", "hvac (level 2)",
                "@page { size: A4;", "break-after: page");
        assertThat(html).doesNotContain("<script", "http://", "https://");
    }

    @Test
    void everythingFromThePlanIsEscaped() throws Exception {
        Problem plan = PlanCalendarTest.plan();
        List<Visit> visits = new ArrayList<>();
        for (Visit v : plan.visits()) {
            visits.add(new Visit(v.id(), "<script>alert('x')</script> & Co", v.location(),
                    v.serviceDurationSeconds(), v.timeWindows(), v.requiredSkills(), v.requiredCertifications(),
                    v.priority(), v.requiredTechnicianIds(), v.preferredTechnicianIds(), v.excludedTechnicianIds(),
                    v.demand(), v.pin(), "\"><img src=x onerror=alert(1)>", "<b>not bold</b>"));
        }
        List<Technician> technicians = plan.technicians().stream().map(t -> new Technician(t.id(),
                "</h1><iframe>", t.skills(), t.certifications(), t.home(), t.costPerHour())).toList();
        Problem evil = plan.withResources(technicians, plan.shifts(), visits).withName("<title>x");

        String html = RouteSheetHtml.render(RouteSheet.of(evil), evil.name());

        assertThat(html).doesNotContain("<script", "<img", "<iframe", "<b>", "<title>x", "'x'")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; Co",
                        "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;", "&lt;/h1&gt;&lt;iframe&gt;");
    }

    @Test
    void aShiftWithoutVisitsStillGetsItsPage() throws Exception {
        Problem plan = PlanCalendarTest.plan();
        RouteSheet sheet = RouteSheet.of(plan, r -> r.shiftId().equals("ben-mon"));
        String html = RouteSheetHtml.render(new RouteSheet(sheet.planName(), List.of(new RouteSheet.Page("s", "t",
                null, null, java.time.ZoneOffset.UTC, null, null, null, null, null, null, List.of(), null, null,
                null))), "empty");

        assertThat(html).contains("No visits planned for this shift.");
        assertThat(sheet.pages()).hasSize(1);
    }
}
