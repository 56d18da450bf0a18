package io.latchkey.store.text;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UnicodeTextTest {

    @Test
    void onlyUnpairedSurrogatesAreNotWellFormed() {
        assertThat(UnicodeText.isWellFormed("plain, accentué, 日本語, emoji \uD83D\uDE00")).isTrue();
        assertThat(UnicodeText.isWellFormed("")).isTrue();
        assertThat(UnicodeText.isWellFormed("\uD800")).isFalse();
        assertThat(UnicodeText.isWellFormed("a\uDFFF")).isFalse();
        assertThat(UnicodeText.isWellFormed("\uDE00\uD83D")).as("a pair in the wrong order").isFalse();
        assertThat(UnicodeText.isWellFormed("\uD83D\uDE00\uD83D")).as("a pair, then half of one").isFalse();
    }
}
