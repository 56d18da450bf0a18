package io.latchkey.api.web;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The same answers as the regular expressions of Spring Security's StrictHttpFirewall, for every code point. */
class PrintableTextTest {

    // Spring Security 7's own patterns (StrictHttpFirewall).
    private static final Pattern NAMES = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");
    private static final Pattern HEADER_VALUES = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

    @Test
    void everyCodePointAloneAndBetweenLettersIsJudgedAsTheFirewallsPatternsJudgeIt() {
        for (int codePoint = 0; codePoint <= Character.MAX_CODE_POINT; codePoint++) {
            String alone = Character.toString(codePoint);
            for (String text : List.of(alone, "ab" + alone + "cd")) {
                assertThat(PrintableText.NAMES.test(text)).as("name U+%04X", codePoint).isEqualTo(NAMES.matcher(text).matches());
                assertThat(PrintableText.HEADER_VALUES.test(text)).as("value U+%04X", codePoint)
                        .isEqualTo(HEADER_VALUES.matcher(text).matches());
            }
        }
    }

    @Test
    void tokensUnicodeSurrogatesAndControlsAsTheFirewallJudgesThem() {
        List<String> samples = new ArrayList<>(List.of("", "Bearer eyJhbGciOiJFZERTQSJ9.e30.c2ln", "naïve café", "日本語",
                "emoji 😀 here", "tab\there", "bell\u0007", "nul\u0000", "del\u007f", "next line\u0085", "\ud800 lone high",
                "lone low \udc00", "\u0378 unassigned", "zero width\u200b", "bidi\u202e"));
        for (String text : samples) {
            assertThat(PrintableText.NAMES.test(text)).as(text).isEqualTo(NAMES.matcher(text).matches());
            assertThat(PrintableText.HEADER_VALUES.test(text)).as(text).isEqualTo(HEADER_VALUES.matcher(text).matches());
        }
        assertThat(PrintableText.HEADER_VALUES.test("tab\there")).isTrue();
        assertThat(PrintableText.NAMES.test("tab\there")).isFalse();
        assertThat(PrintableText.HEADER_VALUES.test("bell\u0007")).isFalse();
    }
}
