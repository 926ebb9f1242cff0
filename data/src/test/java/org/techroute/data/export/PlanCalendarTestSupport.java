package org.techroute.data.export;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

final class PlanCalendarTestSupport {

    private PlanCalendarTestSupport() {
    }

    /** A time as an iCalendar UTC date-time, computed independently of the writer. */
    static String utc(OffsetDateTime time) {
        return DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").format(time.withOffsetSameInstant(ZoneOffset.UTC));
    }
}
