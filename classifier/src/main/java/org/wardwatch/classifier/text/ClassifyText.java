package org.wardwatch.classifier.text;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;

import org.wardwatch.core.analysis.TextAnalysis;
import org.wardwatch.core.analysis.TextAnalyzer;
import org.wardwatch.core.analysis.TextFinding;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

/**
 * The {@code wardwatch classify-text} logic: one caption per input line (UTF-8, LF or CRLF), one JSON
 * line per caption on the output, same order. Empty lines give the empty result. A line that is not
 * valid UTF-8 gives a one-line error naming its number on {@code err} and, so that output lines stay
 * aligned with input lines, the empty result with an {@code error} field; the rest goes on. Finding
 * offsets count Unicode characters (code points), so {@code text} equals the caption's characters
 * {@code start..end} in any language.
 */
public final class ClassifyText {
    /** What a run did. */
    public record Summary(long lines, long invalid) {
    }

    private static final JsonFactory JSON = new JsonFactory();

    private final TextAnalyzer analyzer;

    public ClassifyText(TextAnalyzer analyzer) {
        this.analyzer = analyzer;
    }

    /**
     * Classifies every line of {@code in}, writing JSON lines to {@code out} (flushed whenever the input
     * has nothing more ready, so it works interactively) and problems to {@code err}.
     *
     * @param inputName how errors name the input, for example the file name or "stdin"
     */
    public Summary run(InputStream in, Writer out, PrintWriter err, String inputName) throws IOException {
        InputStream input = in instanceof BufferedInputStream ? in : new BufferedInputStream(in, 1 << 16);
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteArrayOutputStream line = new ByteArrayOutputStream(512);
        JsonGenerator json = JSON.createGenerator(out);
        json.setRootValueSeparator(null);
        long lines = 0;
        long invalid = 0;
        int b;
        boolean pending = false;
        while (true) {
            b = input.read();
            if (b == -1 && !pending) break;
            if (b != -1 && b != '\n') {
                line.write(b);
                pending = true;
                continue;
            }
            lines++;
            byte[] bytes = line.toByteArray();
            int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
            line.reset();
            pending = false;
            String text;
            try {
                text = decoder.reset().decode(ByteBuffer.wrap(bytes, 0, length)).toString();
            } catch (CharacterCodingException e) {
                invalid++;
                String where = e instanceof MalformedInputException ? " (bad byte at column " + (firstBadByte(bytes, length) + 1) + ")" : "";
                err.println("wardwatch classify-text: " + inputName + " line " + lines + ": invalid UTF-8" + where + "; line skipped");
                err.flush();
                write(json, TextAnalysis.EMPTY, "", "invalid UTF-8");
                finishLine(json, out, input);
                if (b == -1) break;
                continue;
            }
            if (lines == 1 && !text.isEmpty() && text.charAt(0) == '\uFEFF') text = text.substring(1); // byte order mark
            write(json, text.isBlank() ? TextAnalysis.EMPTY : analyzer.analyze(text), text, null);
            finishLine(json, out, input);
            if (b == -1) break;
        }
        json.flush();
        out.flush();
        return new Summary(lines, invalid);
    }

    private static void finishLine(JsonGenerator json, Writer out, InputStream input) throws IOException {
        json.writeRaw('\n');
        if (input.available() == 0) {
            json.flush();
            out.flush();
        }
    }

    private static void write(JsonGenerator json, TextAnalysis a, String text, String error) throws IOException {
        json.writeStartObject();
        json.writeBooleanField("identifying", a.identifying());
        json.writeBooleanField("patientContext", a.patientContext());
        json.writeNumberField("score", a.score());
        json.writeArrayFieldStart("findings");
        for (TextFinding f : a.findings()) {
            json.writeStartObject();
            json.writeStringField("type", f.type());
            json.writeStringField("text", f.text());
            json.writeNumberField("start", text.codePointCount(0, f.start()));
            json.writeNumberField("end", text.codePointCount(0, f.end()));
            json.writeNumberField("score", Math.round(f.score() * 1000) / 1000.0);
            json.writeEndObject();
        }
        json.writeEndArray();
        if (error != null) json.writeStringField("error", error);
        json.writeEndObject();
    }

    /** Index of the first byte where UTF-8 decoding fails. */
    private static int firstBadByte(byte[] bytes, int length) {
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, 0, length);
        CharBuffer out = CharBuffer.allocate(length + 1);
        d.decode(in, out, true);
        return in.position();
    }
}
