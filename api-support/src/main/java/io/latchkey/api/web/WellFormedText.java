package io.latchkey.api.web;

import java.util.stream.Collectors;

import io.latchkey.store.text.UnicodeText;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.module.SimpleModule;

/**
 * JSON text must be valid Unicode ({@link UnicodeText}): a string with an unpaired UTF-16
 * surrogate, which JSON's escapes can spell and Jackson reads without complaint (RFC 8259 §8.2
 * leaves it to the parser), is refused as it is read. Such a value cannot be kept as it was sent (PostgreSQL's
 * UTF-8 stores a {@code ?} in its place), nor hashed (Bouncy Castle's Argon2 threw: a 500 at
 * sign-up and sign-in). Every request body's strings pass through {@link #jsonModule()}; the API
 * handler answers 400 naming the field.
 */
public final class WellFormedText {

    private WellFormedText() {
    }

    /** Jackson's own string reading, then the check. */
    public static JacksonModule jsonModule() {
        return new SimpleModule("latchkey-well-formed-text").addDeserializer(String.class, new CheckedStrings());
    }

    private static final class CheckedStrings extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
            String value = super.deserialize(parser, context);
            if (value != null && !UnicodeText.isWellFormed(value)) {
                throw new UnpairedSurrogateException(parser);
            }
            return value;
        }
    }

    /** A JSON string that is not valid Unicode; its path names the field. */
    public static final class UnpairedSurrogateException extends InvalidFormatException {

        UnpairedSurrogateException(JsonParser parser) {
            super(parser, "A text value has an unpaired UTF-16 surrogate", null, String.class);
        }

        /** The field, as {@code a.b} for a nested one. */
        public String field() {
            return getPath().stream().map(JacksonException.Reference::getPropertyName)
                    .filter(name -> name != null).collect(Collectors.joining("."));
        }
    }
}
