package org.wardwatch.classifier.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * The word lists the name recognizer needs: given names, surnames (see NAMES.md for where they come
 * from), given names that are also ordinary words ("Grace", "May", "Holly"), and capitalised words
 * that are never names. Immutable once loaded, so one instance is shared by every thread.
 */
public final class NameLexicon {
    private static final class Holder {
        static final NameLexicon SHARED = load();
    }

    /** Given names that are also common words or ward names: a name only with more evidence. */
    private static final Set<String> AMBIGUOUS = wordSet("will", "may", "june", "april", "august", "grace", "hope", "joy",
            "faith", "mark", "bill", "summer", "dawn", "rose", "holly", "ivy", "hazel", "heather", "iris", "lily", "lilly",
            "daisy", "poppy", "ruby", "amber", "jasmine", "willow", "rowan", "pearl", "violet", "fern", "carol", "penny",
            "dean", "kit", "jade", "robin", "christian", "art", "max", "miles", "chase", "florence", "flora", "sky", "autumn",
            "river", "hunter", "grant", "page", "sandy", "star", "cliff", "glen", "chester", "jersey", "jordan", "eve", "guy",
            "young", "ward", "hall", "king", "day", "hope", "sunny", "angel", "dale", "tyler", "mason", "harper", "lloyd");

    /** Capitalised words that start sentences or name things, never people. */
    private static final Set<String> COMMON = wordSet("week", "day", "days", "month", "year", "unit", "ward", "team", "trust",
            "awareness", "care", "health", "mental", "service", "services", "hospital", "centre", "center", "house", "building",
            "clinic", "group", "club", "café", "cafe", "garden", "gardens", "room", "suite", "lodge", "court", "road", "street",
            "lane", "park", "wing", "hall", "friendly", "massage", "yoga", "shower", "bank", "food", "feeding", "clothes",
            "bundle", "box", "boxes", "boom", "loss", "brain", "blues", "steps", "group", "sensory", "massage", "the", "a", "an",
            "our", "we", "you", "they", "he", "she", "it", "his", "her", "their", "this", "that", "these", "those", "happy",
            "congratulations", "welcome", "thank", "thanks", "well", "big", "huge", "great", "please", "new", "today",
            "tomorrow", "yesterday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
            "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
            "december", "christmas", "easter", "diwali", "eid", "ramadan", "hanukkah", "halloween", "nhs", "cqc", "camhs",
            "picu", "mbu", "and", "with", "for", "from", "on", "in", "at", "to", "of", "by", "is", "are", "was", "were",
            "here", "there", "say", "meet", "hello", "goodbye", "good", "luck", "bye", "farewell", "celebrating", "celebrate",
            "join", "come", "all", "every", "some", "one", "two", "three", "first", "last", "next", "national", "international",
            "world", "british", "english", "uk", "england", "scotland", "wales", "ireland", "london", "royal", "st", "saint",
            "god", "jesus", "lord", "allah", "queen", "king", "prince", "princess", "mr", "mrs", "ms", "miss", "dr", "sir",
            "dame", "nurse", "sister", "matron", "staff", "student", "patient", "patients", "mum", "mums", "baby", "babies",
            "dad", "dads", "mother", "father", "grandma", "grandad", "nan", "nana", "grandpa", "granny", "auntie", "uncle",
            "lots", "loads", "love", "just", "what", "when", "who", "why", "how", "where", "if", "but", "so", "as", "not", "no",
            "yes", "do", "did", "does", "can", "could", "would", "should", "shall", "must", "let", "lets", "let's", "after",
            "before", "during", "since", "until", "while", "also", "even", "still", "again", "only", "more", "most", "many",
            "much", "very", "really", "amazing", "brilliant", "fantastic", "lovely", "wonderful", "beautiful", "proud",
            "inpatient", "outpatient", "community", "acute", "forensic", "rehab", "recovery", "older", "adult", "adults",
            "young", "people", "perinatal", "adolescent", "children", "family", "families", "carers", "volunteers",
            "foundation", "university", "college", "school", "academy", "council", "county", "city", "borough", "north",
            "south", "east", "west", "central", "upper", "lower", "great", "little", "old", "memory", "dementia", "art",
            "music", "drama", "poetry", "bake", "sale", "fete", "fair", "party", "lunch", "breakfast", "dinner", "tea",
            "coffee", "cake", "quiz", "bingo", "karaoke", "disco", "cinema", "film", "pet", "therapy", "dog", "cat", "visit",
            "visiting", "visitors", "parking", "covid", "flu", "vaccine", "jab", "jabs", "clinic", "award", "awards", "gold",
            "silver", "bronze", "star", "stars", "winner", "winners", "hero", "heroes", "champion", "champions", "chief",
            "executive", "director", "board", "committee", "governors", "league", "friends", "charity", "appeal", "fund",
            "news", "update", "notice", "reminder", "alert", "info", "information", "advice", "tip", "tips", "idea", "ideas",
            "activity", "activities", "session", "sessions", "class", "classes", "course", "courses", "workshop", "event",
            "events", "summer", "autumn", "winter", "spring", "holiday", "holidays", "bank", "half", "term", "weekend");

    /** Words after a capitalised word that make the phrase a place, not a person: "Willow Ward", "Hazel House". */
    private static final Set<String> PLACE_WORDS = wordSet("ward", "wards", "unit", "units", "house", "centre", "center",
            "building", "suite", "lodge", "court", "hospital", "road", "street", "park", "room", "clinic", "wing", "hall",
            "trust", "team", "close", "garden", "gardens", "café", "cafe", "lane", "way", "avenue", "place", "villa", "view",
            "surgery", "practice", "health", "academy", "school", "college", "university", "foundation", "fund", "appeal",
            "award", "awards", "day", "week", "month", "campus", "site", "block", "annexe", "annex", "library", "lounge",
            "bay", "bed", "beds", "project", "group", "service", "services", "network", "partnership", "memorial", "bank");

    private static Set<String> wordSet(String... words) {
        return Set.copyOf(new HashSet<>(java.util.Arrays.asList(words)));
    }

    private final Set<String> firstNames;
    private final Set<String> surnames;

    NameLexicon(Set<String> firstNames, Set<String> surnames) {
        this.firstNames = Set.copyOf(firstNames);
        this.surnames = Set.copyOf(surnames);
    }

    public static NameLexicon shared() {
        return Holder.SHARED;
    }

    public boolean isFirstName(String lower) {
        return firstNames.contains(lower);
    }

    public boolean isSurname(String lower) {
        return surnames.contains(lower);
    }

    /** A given name that is also a common word or ward name, which needs more evidence. */
    public boolean isAmbiguous(String lower) {
        return AMBIGUOUS.contains(lower);
    }

    public boolean isCommonCapitalisedWord(String lower) {
        return COMMON.contains(lower);
    }

    public boolean isPlaceWord(String lower) {
        return PLACE_WORDS.contains(lower);
    }

    public int firstNameCount() {
        return firstNames.size();
    }

    public int surnameCount() {
        return surnames.size();
    }

    private static NameLexicon load() {
        return new NameLexicon(words("first-names.txt"), words("surnames.txt"));
    }

    private static Set<String> words(String resource) {
        try (InputStream in = NameLexicon.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing resource " + resource + " next to NameLexicon");
            Set<String> out = new HashSet<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.startsWith("#")) continue;
                for (String w : line.trim().split("\\s+")) if (!w.isEmpty()) out.add(w);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
