package org.wardwatch.classifier.model;

import java.util.List;
import java.util.Locale;

/**
 * The learned model's input: word unigrams and bigrams, character trigrams inside words, and the
 * recognizers' cues, each hashed into a fixed number of buckets (the hashing trick, so there is no
 * vocabulary to ship), weighted log(1 + count) and L2-normalised. Returned sparse: bucket indices and
 * their values.
 */
public final class CaptionFeatures {
    /** Hashed features as parallel arrays; {@code size} entries are used. */
    public record Sparse(int[] index, float[] value, int size) {
    }

    private final int dimension;

    public CaptionFeatures(int dimension) {
        if (Integer.bitCount(dimension) != 1) throw new IllegalArgumentException("dimension must be a power of two: " + dimension);
        this.dimension = dimension;
    }

    public int dimension() {
        return dimension;
    }

    public Sparse extract(String text, List<String> cues) {
        float[] counts = new float[dimension];
        int[] touched = new int[256];
        int n = 0;
        String lower = text.toLowerCase(Locale.ROOT);
        String prev = "<s>";
        int i = 0;
        int len = lower.length();
        while (i < len) {
            char c = lower.charAt(i);
            if (!Character.isLetterOrDigit(c)) {
                i++;
                continue;
            }
            int start = i;
            while (i < len && (Character.isLetterOrDigit(lower.charAt(i)) || lower.charAt(i) == '\'')) i++;
            String word = normaliseDigits(lower.substring(start, i));
            n = add(counts, touched, n, hash("w:" + word));
            n = add(counts, touched, n, hash("b:" + prev + " " + word));
            String padded = "<" + word + ">";
            for (int k = 0; k + 3 <= padded.length(); k++) n = add(counts, touched, n, hash("c:" + padded.substring(k, k + 3)));
            prev = word;
        }
        for (String cue : cues) n = add(counts, touched, n, hash("r:" + cue));
        int[] index = new int[n];
        float[] value = new float[n];
        double norm = 0;
        for (int k = 0; k < n; k++) {
            index[k] = touched[k];
            value[k] = (float) Math.log1p(counts[touched[k]]);
            norm += value[k] * value[k];
        }
        float inv = norm > 0 ? (float) (1 / Math.sqrt(norm)) : 0;
        for (int k = 0; k < n; k++) value[k] *= inv;
        return new Sparse(index, value, n);
    }

    /** The same features as a dense row, for training. */
    public float[] dense(String text, List<String> cues) {
        Sparse s = extract(text, cues);
        float[] row = new float[dimension];
        for (int k = 0; k < s.size(); k++) row[s.index()[k]] = s.value()[k];
        return row;
    }

    private static int add(float[] counts, int[] touched, int n, int bucket) {
        if (counts[bucket] == 0) {
            if (n == touched.length) return n; // captions are short; past 256 distinct buckets the rest add nothing new
            touched[n++] = bucket;
        }
        counts[bucket]++;
        return n;
    }

    // Numbers generalise by shape, not value: "22" and "19" are the same two-digit number.
    private static String normaliseDigits(String word) {
        boolean digits = false;
        for (int i = 0; i < word.length() && !digits; i++) digits = Character.isDigit(word.charAt(i));
        if (!digits) return word;
        char[] out = word.toCharArray();
        for (int i = 0; i < out.length; i++) if (Character.isDigit(out[i])) out[i] = '0';
        return new String(out);
    }

    private int hash(String s) {
        // FNV-1a: stable across JVMs and releases, unlike anything seeded per process.
        int h = 0x811c9dc5;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x01000193;
        }
        return (h ^ (h >>> 16)) & (dimension - 1);
    }

    @Override
    public String toString() {
        return "CaptionFeatures[" + dimension + "]";
    }
}
