package org.wardwatch.classifier.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class ClassifyTextTest {
    private static final ClassifyText CLASSIFY = new ClassifyText(CaptionAnalyzer.standard());
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Run(List<JsonNode> lines, String err, ClassifyText.Summary summary) {
    }

    private static Run run(byte[] input) throws IOException {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        ClassifyText.Summary s = CLASSIFY.run(new ByteArrayInputStream(input), out, new PrintWriter(err), "captions.txt");
        String printed = out.toString();
        List<JsonNode> nodes = printed.lines().map(l -> {
            try {
                return JSON.readTree(l);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + l, e);
            }
        }).toList();
        assertThat(printed).endsWith("\n");
        return new Run(nodes, err.toString(), s);
    }

    private static Run run(String input) throws IOException {
        return run(input.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void oneJsonLinePerCaptionInTheSameOrder() throws IOException {
        Run r = run("Happy 80th birthday to Doreen on Willow Ward\nWelcome to Dr Oliver Grant, our new Medical Director\n"
                + "Our patients helped the chef prepare Diwali sweets\n");
        assertThat(r.lines()).hasSize(3);
        assertThat(r.lines().get(0).get("identifying").asBoolean()).isTrue();
        assertThat(r.lines().get(1).get("identifying").asBoolean()).isFalse();
        assertThat(r.lines().get(1).get("patientContext").asBoolean()).isFalse();
        assertThat(r.lines().get(2).get("identifying").asBoolean()).isFalse();
        assertThat(r.lines().get(2).get("patientContext").asBoolean()).isTrue();
        JsonNode first = r.lines().get(0);
        assertThat(first.get("score").asDouble()).isBetween(0.5, 1.0);
        assertThat(first.fieldNames()).toIterable().containsExactly("identifying", "patientContext", "score", "findings");
        JsonNode finding = first.get("findings").get(0);
        assertThat(finding.fieldNames()).toIterable().containsExactly("type", "text", "start", "end", "score");
        assertThat(r.err()).isEmpty();
        assertThat(r.summary()).isEqualTo(new ClassifyText.Summary(3, 0));
    }

    @Test
    void emptyLinesGiveEmptyResultsAndKeepAlignment() throws IOException {
        Run r = run("\nHappy 80th birthday to Doreen on Willow Ward\n\n");
        assertThat(r.lines()).hasSize(3);
        for (int i : new int[] {0, 2}) {
            assertThat(r.lines().get(i).get("identifying").asBoolean()).isFalse();
            assertThat(r.lines().get(i).get("findings")).isEmpty();
            assertThat(r.lines().get(i).get("score").asDouble()).isZero();
        }
        assertThat(r.lines().get(1).get("identifying").asBoolean()).isTrue();
    }

    @Test
    void invalidUtf8IsReportedWithItsLineNumberAndTheRestGoesOn() throws IOException {
        ByteArrayOutputStream in = new ByteArrayOutputStream();
        in.writeBytes("Welcome to Dr Oliver Grant\n".getBytes(StandardCharsets.UTF_8));
        in.writeBytes(new byte[] {'B', 'a', 'd', ' ', (byte) 0xC3, (byte) 0x28, '\n'});
        in.writeBytes("Happy 80th birthday to Doreen on Willow Ward\n".getBytes(StandardCharsets.UTF_8));
        Run r = run(in.toByteArray());
        assertThat(r.lines()).hasSize(3);
        assertThat(r.lines().get(1).get("error").asText()).isEqualTo("invalid UTF-8");
        assertThat(r.lines().get(1).get("findings")).isEmpty();
        assertThat(r.lines().get(2).get("identifying").asBoolean()).isTrue();
        assertThat(r.err().lines()).hasSize(1);
        assertThat(r.err()).contains("captions.txt line 2: invalid UTF-8").contains("column 5");
        assertThat(r.summary()).isEqualTo(new ClassifyText.Summary(3, 1));
    }

    @Test
    void crlfAndAMissingFinalNewlineAreAccepted() throws IOException {
        Run r = run("Welcome to Dr Oliver Grant\r\nHappy 80th birthday to Doreen on Willow Ward");
        assertThat(r.lines()).hasSize(2);
        assertThat(r.lines().get(1).get("identifying").asBoolean()).isTrue();
        assertThat(r.lines().get(1).get("findings").toString()).doesNotContain("\\r");
    }

    @Test
    void noInputGivesNoOutput() throws IOException {
        StringWriter out = new StringWriter();
        ClassifyText.Summary s = CLASSIFY.run(new ByteArrayInputStream(new byte[0]), out, new PrintWriter(new StringWriter()), "stdin");
        assertThat(out.toString()).isEmpty();
        assertThat(s.lines()).isZero();
    }

    @Test
    void offsetsCountCharactersSoEmojiDoNotShiftSpans() throws IOException {
        String caption = "🎉🎂 Happy 80th birthday to Doreen on Willow Ward";
        Run r = run(caption + "\n");
        int[] cps = caption.codePoints().toArray();
        for (JsonNode f : r.lines().get(0).get("findings")) {
            String span = new String(cps, f.get("start").asInt(), f.get("end").asInt() - f.get("start").asInt());
            assertThat(span).isEqualTo(f.get("text").asText());
        }
        assertThat(r.lines().get(0).get("findings")).isNotEmpty();
    }
}
