package org.techroute.api.errors;

import java.io.IOException;
import java.io.Writer;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;

/**
 * Tomcat's own error page as a problem document: requests Tomcat refuses before any servlet sees them (an
 * encoded slash, a backslash, {@code %00}, bad percent-encoding, a request line or header above the limit) get
 * {@code application/problem+json} like every other error, never Tomcat's HTML page.
 */
public class ErrorDocumentReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        HttpStatusCode code = HttpStatusCode.valueOf(status);
        String detail = switch (status) {
            case 400 -> "the request is not valid HTTP: its path, query or headers contain characters or"
                    + " encodings that are not allowed (an encoded slash, a backslash, %00, bad percent-encoding)"
                    + " or are too long";
            case 404 -> "no such resource";
            case 405 -> "this method is not supported here";
            case 413 -> "the request is too large";
            default -> code.is5xxServerError() ? "the service failed to handle the request; the error is logged"
                    : reason(status);
        };
        String type = code.is5xxServerError() ? ErrorTypes.INTERNAL.toString()
                : ErrorTypes.forStatus(code).toString();
        String json = "{\"type\":\"" + type + "\",\"title\":\"" + reason(status) + "\",\"status\":" + status
                + ",\"detail\":\"" + detail + "\"}";
        try {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("utf-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(json);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response was taken: nothing more to say
        }
    }

    private static String reason(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        return known == null ? "Error " + status : known.getReasonPhrase();
    }
}
