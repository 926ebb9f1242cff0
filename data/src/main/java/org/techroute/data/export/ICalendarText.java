package org.techroute.data.export;

import java.nio.charset.StandardCharsets;

/**
 * Content lines of RFC 5545: TEXT values escaped ({@code \\ ; ,} and line breaks), lines ended with CRLF and folded
 * at 75 octets (a fold never splits a UTF-8 character).
 */
final class ICalendarText {

    private static final int MAX_OCTETS = 75;

    private final StringBuilder out = new StringBuilder(4096);

    /** Appends {@code NAME:value} as is (the value must already be in its type's syntax). */
    ICalendarText line(String name, String value) {
        fold(name + ":" + value);
        return this;
    }

    /** Appends {@code NAME:value} with value escaped as TEXT. */
    ICalendarText text(String name, String value) {
        return line(name, escape(value));
    }

    /** Escapes a TEXT value (RFC 5545 3.3.11); control characters other than line breaks and tabs are dropped. */
    static String escape(String value) {
        if (value == null) {
            return "";
        }
        String text = value.replace("\r\n", "\n").replace('\r', '\n');
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case ';' -> out.append("\\;");
                case ',' -> out.append("\\,");
                case '\n' -> out.append("\\n");
                default -> {
                    if (c == '\t' || c >= 0x20 && c != 0x7F) {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    private void fold(String line) {
        int octets = 0;
        int i = 0;
        while (i < line.length()) {
            int codePoint = line.codePointAt(i);
            int chars = Character.charCount(codePoint);
            int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > MAX_OCTETS) {
                out.append("\r\n ");
                octets = 1;
            }
            out.appendCodePoint(codePoint);
            octets += size;
            i += chars;
        }
        out.append("\r\n");
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
