package org.wardwatch.dashboard.web;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The JSON API's writer: ISO-8601 times, no control characters in any string (crawled captions may
 * hold NUL or escape codes), and characters that change text direction written as {@code \u202E}
 * escapes, so they reach a client's code as data rather than reordering a terminal or a log.
 */
final class Json {
    private Json() {
    }

    static ObjectMapper mapper() {
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
                .registerModule(new SimpleModule("wardwatch-safe-strings").addSerializer(String.class, new CleanStrings()))
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        json.getFactory().setCharacterEscapes(new BidiEscapes());
        return json;
    }

    private static final class CleanStrings extends StdSerializer<String> {
        CleanStrings() {
            super(String.class);
        }

        @Override
        public void serialize(String value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(SafeText.withoutControls(value));
        }
    }

    private static final class BidiEscapes extends CharacterEscapes {
        private final int[] ascii = CharacterEscapes.standardAsciiEscapesForJSON();

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            if (ch > 0xFFFF || !SafeText.isBidi((char) ch)) return null;
            return new SerializedString(String.format("\\u%04X", ch));
        }
    }
}
