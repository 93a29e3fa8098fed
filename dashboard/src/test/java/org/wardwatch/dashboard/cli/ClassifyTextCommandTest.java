package org.wardwatch.dashboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** `wardwatch classify-text` through the real command line, on a file and on standard input. */
class ClassifyTextCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private record Result(int exit, List<JsonNode> lines, String err) {
    }

    private Result run(String... args) throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] all = new String[args.length + 2];
        all[0] = "--data";
        all[1] = dir.resolve("data").toString();
        System.arraycopy(args, 0, all, 2, args.length);
        int exit = WardWatch.execute(new PrintWriter(out, true), new PrintWriter(err, true), all);
        List<JsonNode> lines = out.toString().lines().map(l -> {
            try {
                return JSON.readTree(l);
            } catch (Exception e) {
                throw new AssertionError("not a JSON line: " + l);
            }
        }).toList();
        return new Result(exit, lines, err.toString());
    }

    @Test
    void classifiesAFileLineByLine() throws Exception {
        Path file = dir.resolve("captions.txt");
        Files.writeString(file, "Happy 80th birthday to Doreen on Willow Ward\n\nCongratulations to Staff Nurse Sarah Bennett on her promotion\n");
        Result r = run("classify-text", file.toString());
        assertThat(r.exit()).isZero();
        assertThat(r.lines()).hasSize(3);
        assertThat(r.lines().get(0).get("identifying").asBoolean()).isTrue();
        assertThat(r.lines().get(0).get("findings").findValuesAsText("type")).contains("PERSON_NAME", "AGE", "WARD_OR_BED");
        assertThat(r.lines().get(1).get("findings")).isEmpty();
        assertThat(r.lines().get(2).get("identifying").asBoolean()).isFalse();
        assertThat(r.lines().get(2).get("patientContext").asBoolean()).isFalse();
        assertThat(r.err()).isEmpty();
    }

    @Test
    void readsStandardInputWhenNoFileIsGiven() throws Exception {
        InputStream saved = System.in;
        try {
            System.setIn(new ByteArrayInputStream("Our patients helped the chef prepare Diwali sweets\n".getBytes(StandardCharsets.UTF_8)));
            Result r = run("classify-text");
            assertThat(r.exit()).isZero();
            assertThat(r.lines()).hasSize(1);
            assertThat(r.lines().get(0).get("patientContext").asBoolean()).isTrue();
            assertThat(r.lines().get(0).get("identifying").asBoolean()).isFalse();
        } finally {
            System.setIn(saved);
        }
    }

    @Test
    void invalidUtf8LineIsReportedAndTheExitCodeSaysSo() throws Exception {
        Path file = dir.resolve("bad.txt");
        byte[] good = "Happy 80th birthday to Doreen on Willow Ward\n".getBytes(StandardCharsets.UTF_8);
        byte[] bad = {(byte) 0xFF, 'x', '\n'};
        byte[] all = new byte[good.length * 2 + bad.length];
        System.arraycopy(good, 0, all, 0, good.length);
        System.arraycopy(bad, 0, all, good.length, bad.length);
        System.arraycopy(good, 0, all, good.length + bad.length, good.length);
        Files.write(file, all);
        Result r = run("classify-text", file.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.lines()).hasSize(3);
        assertThat(r.lines().get(1).get("error").asText()).isEqualTo("invalid UTF-8");
        assertThat(r.lines().get(2).get("identifying").asBoolean()).isTrue();
        assertThat(r.err().strip()).startsWith("wardwatch classify-text: " + file + " line 2: invalid UTF-8").doesNotContain("Exception");
    }

    @Test
    void aMissingFileIsOneLineAndANonZeroExit() throws Exception {
        Result r = run("classify-text", dir.resolve("nope.txt").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err()).contains("nope.txt: no such file");
    }
}
