package org.wardwatch.classifier.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A caption with its label: {@code identifying}, {@code patient_context} or {@code benign}. Read from
 * a TSV with a {@code label<TAB>text} header, the format of the project's corpus and of the shared
 * dev file.
 */
public record LabelledCaption(String label, String text) {
    public static final Set<String> LABELS = Set.of("identifying", "patient_context", "benign");

    public LabelledCaption {
        if (!LABELS.contains(label)) throw new IllegalArgumentException("unknown label '" + label + "'");
    }

    public boolean identifying() {
        return label.equals("identifying");
    }

    /** Expected patientContext: true for identifying and patient_context captions. */
    public boolean patientContext() {
        return !label.equals("benign");
    }

    public static List<LabelledCaption> readTsv(InputStream in, String name) throws IOException {
        List<LabelledCaption> out = new ArrayList<>();
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        int n = 0;
        while ((line = r.readLine()) != null) {
            n++;
            if (line.isBlank() || line.startsWith("#") || (n == 1 && line.startsWith("label\t"))) continue;
            int tab = line.indexOf('\t');
            if (tab < 0) throw new IOException(name + " line " + n + ": expected label<TAB>text");
            try {
                out.add(new LabelledCaption(line.substring(0, tab).trim(), line.substring(tab + 1).trim()));
            } catch (IllegalArgumentException e) {
                throw new IOException(name + " line " + n + ": " + e.getMessage());
            }
        }
        return out;
    }
}
