package io.latchkey.api.web;

import java.util.function.Predicate;

/**
 * The text Spring Security's {@code StrictHttpFirewall} admits in header names and values and
 * parameter names: assigned Unicode code points that are not control characters (a tab is
 * also allowed in header values), decided by a loop over the code points instead of the
 * firewall's regular expression. NOTE: that expression ran over every header of every
 * request; over a 700-character bearer token it cost as much as the request's database
 * query. The rule is the same, character for character ({@code PrintableTextTest}).
 */
public final class PrintableText implements Predicate<String> {

    /** Header names and parameter names. */
    public static final PrintableText NAMES = new PrintableText(false);

    /** Header values, where a tab is allowed too. */
    public static final PrintableText HEADER_VALUES = new PrintableText(true);

    private final boolean tabAllowed;

    private PrintableText(boolean tabAllowed) {
        this.tabAllowed = tabAllowed;
    }

    @Override
    public boolean test(String text) {
        for (int i = 0; i < text.length();) {
            char c = text.charAt(i);
            if (c >= 0x20 && c < 0x7f) {
                i++;
                continue;
            }
            int codePoint = text.codePointAt(i);
            boolean control = Character.getType(codePoint) == Character.CONTROL;
            if (!Character.isDefined(codePoint) || (control && !(this.tabAllowed && codePoint == '\t'))) {
                return false;
            }
            i += Character.charCount(codePoint);
        }
        return true;
    }
}
