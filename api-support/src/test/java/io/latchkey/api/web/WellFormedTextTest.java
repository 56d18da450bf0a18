package io.latchkey.api.web;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class WellFormedTextTest {

    record Profile(String name, Nested nested) {
    }

    record Nested(String email) {
    }

    private final JsonMapper json = JsonMapper.builder().addModule(WellFormedText.jsonModule()).build();

    @Test
    void aJsonStringWithAnUnpairedSurrogateIsRefusedNamingItsField() {
        assertThat(this.json.readValue("{\"name\":\"Ada \\uD83D\\uDE00\",\"nested\":{\"email\":\"a@b.c\"}}", Profile.class).name())
                .isEqualTo("Ada \uD83D\uDE00");

        assertThatExceptionOfType(WellFormedText.UnpairedSurrogateException.class)
                .isThrownBy(() -> this.json.readValue("{\"name\":\"ok\",\"nested\":{\"email\":\"a\\uD800@b.c\"}}", Profile.class))
                .satisfies(refused -> assertThat(refused.field()).isEqualTo("nested.email"));
        assertThat(this.json.readValue("{\"name\":null,\"nested\":null}", Profile.class).name()).isNull();
    }
}
