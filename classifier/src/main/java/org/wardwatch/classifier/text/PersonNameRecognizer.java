package org.wardwatch.classifier.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.wardwatch.core.analysis.TextFinding;

/**
 * Personal names: a capitalised given name from the name list, or any capitalised word that the
 * context makes a name ("Mr Ali", "baby Yusuf", "mum Jess", "Leon T.", "Abbie, 15,", "Connor (22)"),
 * extended with a surname or an initial. Given names that are also words ("Grace", "May", "Holly")
 * need such context, and a capitalised word followed by a place word ("Willow Ward", "Hazel House")
 * is a place. Whether the person is a patient or staff is decided later by the role resolver.
 */
public final class PersonNameRecognizer implements Recognizer {
    private static final Set<String> FORMAL_TITLES = Set.of("mr", "mrs", "ms", "miss", "mx", "master");
    private static final Set<String> PERSON_CUES = Set.of("baby", "mum", "mummy", "mam", "dad", "daddy", "patient",
            "user", "resident", "son", "daughter", "wife", "husband", "grandson", "granddaughter", "brother", "partner",
            "nan", "grandma", "grandad", "granddad", "grandpa", "gran", "twins", "newborn", "client", "friend", "auntie",
            "uncle", "dr", "nurse", "sister", "matron", "prof", "professor", "hca", "ot", "physio", "housekeeper",
            "manager", "clerk", "chef", "porter", "volunteer", "chaplain", "student", "consultant", "lead", "director",
            "worker", "midwife", "therapist", "psychologist", "psychiatrist", "assistant", "receptionist", "leader",
            "sir", "dame");
    private static final Set<String> LOOSE_CUES = Set.of("to", "for", "congratulations", "congrats", "welcome", "thanks",
            "hi", "hello", "meet", "and", "with", "by", "from", "is", "our");

    /** Ambiguous given names that are names when a verb follows at the start of a sentence ("Jordan has..."). */
    private static final Set<String> NAME_LIKE = Set.of("jordan", "florence", "flora", "carol", "holly", "ivy", "hazel",
            "heather", "iris", "lily", "lilly", "daisy", "poppy", "ruby", "jasmine", "willow", "rowan", "fern", "rose", "dawn",
            "jade", "tyler", "mason", "harper", "lloyd", "hunter", "sandy", "violet", "pearl", "amber", "penny", "robin", "dean",
            "christian", "miles", "grace", "joy", "faith");
    private static final Set<String> PERSON_VERBS = Set.of("has", "had", "is", "was", "who", "says", "said", "loves", "loved",
            "enjoyed", "made", "wrote", "painted", "won", "celebrated", "turned", "and", "took", "spent", "finished", "completed");

    /** Words before an unknown capitalised word that, with a clause after it, make it a name: "Goodbye to Marty who...". */
    private static final Set<String> GREETING_CUES = Set.of("to", "for", "congratulations", "congrats", "welcome", "thanks",
            "meet", "hi", "hello", "goodbye", "bye", "farewell");

    private static final Pattern AGE_AFTER = Pattern.compile("(?:'s)?\\s*(?:\\(\\d{1,3}\\)|,\\s*\\d{1,3}\\b)");
    private static final Pattern PAREN_AFTER = Pattern.compile("\\s*\\(");
    private static final Pattern CLAUSE_AFTER = Pattern.compile("\\s+(?:who|on|in|from|and|at|is|has)\\b|\\s*[,(!–-]");

    private final NameLexicon lexicon;

    public PersonNameRecognizer(NameLexicon lexicon) {
        this.lexicon = lexicon;
    }

    @Override
    public List<TextFinding> recognize(Caption caption) {
        List<Caption.Token> tokens = caption.tokens();
        String text = caption.text();
        List<TextFinding> out = new ArrayList<>(2);
        int i = 0;
        while (i < tokens.size()) {
            Caption.Token t = tokens.get(i);
            if (!t.alphabetic() || !t.capitalised() || t.text().length() < 2) {
                i++;
                continue;
            }
            String word = stripPossessive(t.lower());
            Caption.Token prev = i > 0 ? tokens.get(i - 1) : null;
            Caption.Token next = i + 1 < tokens.size() ? tokens.get(i + 1) : null;
            if (next != null && adjacent(text, t, next) && next.capitalised() && lexicon.isPlaceWord(next.lower())) {
                i += 2; // "Willow Ward", "Hazel House": a place
                continue;
            }
            String prevWord = prev != null && adjacent(text, prev, t) ? prev.lower() : "";
            boolean title = FORMAL_TITLES.contains(prevWord);
            boolean cue = PERSON_CUES.contains(prevWord) || title;
            boolean known = lexicon.isFirstName(word);
            String following = text.substring(t.end(), Math.min(text.length(), t.end() + 8));
            boolean ageAfter = AGE_AFTER.matcher(following).lookingAt();
            boolean initialAfter = next != null && next.text().length() == 1 && Character.isUpperCase(next.text().charAt(0))
                    && next.end() < text.length() && text.charAt(next.end()) == '.' && adjacent(text, t, next);
            boolean surnameAfter = next != null && adjacent(text, t, next) && next.capitalised() && next.alphabetic()
                    && lexicon.isSurname(stripPossessive(next.lower()));
            boolean parenAfter = PAREN_AFTER.matcher(following).lookingAt();

            boolean candidate;
            if (lexicon.isCommonCapitalisedWord(word) && !known) {
                candidate = title || (cue && !PERSON_CUES.contains(word));
                if (candidate && lexicon.isCommonCapitalisedWord(word)) candidate = title;
            } else if (known && !lexicon.isAmbiguous(word)) {
                candidate = true;
            } else if (known) {
                candidate = cue || LOOSE_CUES.contains(prevWord) || ageAfter || initialAfter || surnameAfter || parenAfter
                        || (NAME_LIKE.contains(word) && next != null && adjacent(text, t, next) && PERSON_VERBS.contains(next.lower()));
            } else {
                candidate = cue || ageAfter || initialAfter || (surnameAfter && !lexicon.isPlaceWord(word))
                        || (GREETING_CUES.contains(prevWord) && CLAUSE_AFTER.matcher(following).lookingAt());
            }
            if (!candidate) {
                i++;
                continue;
            }

            int end = t.end();
            if (word.length() != t.lower().length()) end = t.start() + word.length();
            int consumed = 1;
            double score = known ? 0.6 : 0.55;
            if (cue) score += 0.1;
            if (initialAfter) {
                end = next.end() + 1;
                consumed = 2;
                score += 0.1;
            } else if (next != null && adjacent(text, t, next) && next.capitalised() && next.alphabetic()
                    && (text.charAt(t.end()) == ' ') && extendsAsSurname(tokens, i + 1, text)) {
                String surname = stripPossessive(next.lower());
                end = next.start() + surname.length();
                consumed = 2;
                score += lexicon.isSurname(surname) ? 0.15 : 0.05;
            }
            out.add(new TextFinding(FindingTypes.PERSON_NAME, text.substring(t.start(), end), t.start(), end, Math.min(score, 0.9)));
            i += consumed;
        }
        return out;
    }

    private boolean extendsAsSurname(List<Caption.Token> tokens, int j, String text) {
        Caption.Token s = tokens.get(j);
        String w = stripPossessive(s.lower());
        if (lexicon.isPlaceWord(w) || lexicon.isCommonCapitalisedWord(w)) return false;
        if (j + 1 < tokens.size()) {
            Caption.Token after = tokens.get(j + 1);
            // "Doreen Willow Ward": the second word starts a place.
            if (adjacent(text, s, after) && after.capitalised() && lexicon.isPlaceWord(after.lower())) return false;
        }
        if (lexicon.isSurname(w)) return true;
        // An unknown capitalised word right after a given name is usually a surname, unless it is a
        // given name itself ("Joseph Brenda" does not occur; "Isla Rachel" would be a list).
        return !lexicon.isFirstName(w) && s.text().length() > 2;
    }

    /** Two tokens separated by a single space (no punctuation, no line break). */
    static boolean adjacent(String text, Caption.Token a, Caption.Token b) {
        return b.start() - a.end() == 1 && text.charAt(a.end()) == ' ';
    }

    private static String stripPossessive(String lower) {
        if (lower.endsWith("'s") || lower.endsWith("’s")) return lower.substring(0, lower.length() - 2);
        return lower;
    }
}
