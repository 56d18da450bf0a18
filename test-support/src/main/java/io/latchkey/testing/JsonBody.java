package io.latchkey.testing;

import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * A JSON request body from names and values, written by Jackson, so a test says what it
 * sends instead of escaping it by hand: {@code JsonBody.of("email", email, "password", pw)}.
 * Bodies that must be malformed, or spell an escape on purpose, stay literal text.
 */
public final class JsonBody {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private JsonBody() {
    }

    /** An object of the given fields, in order: name, value, name, value... */
    public static String of(Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("Names and values come in pairs");
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return JSON.writeValueAsString(fields);
    }
}
