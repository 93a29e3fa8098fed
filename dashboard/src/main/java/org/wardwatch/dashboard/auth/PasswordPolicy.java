package org.wardwatch.dashboard.auth;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import me.gosimple.nbvcxz.Nbvcxz;
import me.gosimple.nbvcxz.resources.ConfigurationBuilder;
import me.gosimple.nbvcxz.resources.Dictionary;
import me.gosimple.nbvcxz.resources.DictionaryBuilder;
import me.gosimple.nbvcxz.scoring.Result;

/**
 * Which passwords may be set: at least 12 characters, not the user name nor containing it, and strong
 * enough by nbvcxz's estimate (dictionaries of common passwords, names and words, keyboard walks,
 * repeats, sequences, dates, leet; the user name added as a word to avoid). Length alone let ten
 * spaces and {@code aaaaaaaaaa} through.
 */
public final class PasswordPolicy {
    public static final int MIN_LENGTH = 12;
    /** nbvcxz's own default: about 34 billion guesses, out of reach of online guessing and slow offline against Argon2id. */
    private static final double MIN_ENTROPY = ConfigurationBuilder.getDefaultMinimumEntropy();

    private PasswordPolicy() {
    }

    /** Why this password may not be set for this user, in one line; empty when it may. */
    public static Optional<String> refusal(String username, CharSequence password) {
        if (password == null || password.length() < MIN_LENGTH) {
            return Optional.of("password must have at least " + MIN_LENGTH + " characters");
        }
        String pw = password.toString();
        String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        if (!name.isEmpty() && pw.toLowerCase(Locale.ROOT).contains(name)) {
            return Optional.of("password must not contain the user name");
        }
        if (pw.length() > 256) return Optional.of("password must have at most 256 characters");
        List<Dictionary> dictionaries = new ArrayList<>(ConfigurationBuilder.getDefaultDictionaries());
        if (!name.isEmpty()) {
            dictionaries.add(new DictionaryBuilder().setDictionaryName("user").setExclusion(true).addWord(name, 0).createDictionary());
        }
        // English whatever the server's locale, so the reason reads the same in logs, tests and the README
        Result r = new Nbvcxz(new ConfigurationBuilder().setDictionaries(dictionaries).setMinimumEntropy(MIN_ENTROPY)
                .setLocale(Locale.ENGLISH).createConfiguration()).estimate(pw);
        if (r.isMinimumEntropyMet()) return Optional.empty();
        String warning = r.getFeedback().getWarning();
        List<String> hints = r.getFeedback().getSuggestion();
        return Optional.of("password is too easy to guess"
                + (warning == null || warning.isBlank() ? "" : ": " + oneLine(warning))
                + (hints == null || hints.isEmpty() ? "" : " (" + oneLine(hints.get(0)) + ")"));
    }

    private static String oneLine(String s) {
        String t = s.replaceAll("\\s+", " ").strip();
        return t.endsWith(".") ? t.substring(0, t.length() - 1) : t;
    }
}
