package org.wardwatch.dashboard.review;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.wardwatch.core.risk.Reason;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads the risk policy's reasons (a JSON array of sentences, stored without the spans they quote:
 * see {@link Reason}) and signals (a comma list).
 */
public final class Reasons {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Reasons() {
    }

    /** The stored reasons in words, without the spans they quote: for the queue and its API. */
    public static List<String> inWords(String json) {
        return parse(json).stream().map(Reason::inWords).toList();
    }

    /**
     * The stored reasons with their quotes filled in from the (decrypted) findings they came from,
     * for the case page and API of a reader allowed to see the case.
     */
    public static List<String> quoting(String json, List<CaseDetail.Finding> findings) {
        return parse(json).stream().map(r -> Reason.withQuotes(r, (source, type) -> findings.stream()
                .filter(f -> source.equals(f.source()) && type.equals(f.type())).map(CaseDetail.Finding::text).toList()))
                .distinct().toList();
    }

    /** The reasons as stored. */
    public static List<String> parse(String json) {
        if (json == null || json.isBlank()) return List.of();
        try {
            return JSON.readValue(json, new TypeReference<List<String>>() { });
        } catch (Exception notJson) {
            // an older or hand-written row: show it as one reason rather than nothing
            return List.of(json);
        }
    }

    public static List<String> signals(String commaList) {
        if (commaList == null || commaList.isBlank()) return List.of();
        List<String> out = new ArrayList<>();
        for (String s : commaList.split(",")) if (!s.isBlank()) out.add(s.strip().toUpperCase(Locale.ROOT));
        return out;
    }

    /** A signal's name in words, for filters, charts and removal requests (never the matched text). */
    public static String signalLabel(String signal) {
        return switch (signal.toUpperCase(Locale.ROOT)) {
            case "FACE" -> "faces";
            case "PERSON" -> "people";
            case "WOUND_LIKE" -> "wound-like skin";
            case "GEOTAGGED" -> "geotag";
            case "TEXT" -> "text in the image";
            case "NHS_NUMBER" -> "NHS number";
            case "DATE_OF_BIRTH" -> "date of birth";
            case "AGE" -> "age";
            case "PERSON_NAME" -> "personal name";
            case "WARD_OR_BED", "WARD_BED" -> "ward or bed";
            case "CARE_EVENT" -> "care event";
            case "PERINATAL" -> "mother and baby";
            case "HEALTH_DETAIL" -> "health detail";
            case "PATIENT_CONTEXT" -> "patient context";
            case "CONTENT_WARNING" -> "content warning";
            default -> Arrays.stream(signal.toLowerCase(Locale.ROOT).split("_")).reduce((a, b) -> a + " " + b).orElse(signal);
        };
    }

    /** What a signal means, phrased for the account owner, without repeating anything about the person. */
    public static String signalForOwner(String signal) {
        return switch (signal.toUpperCase(Locale.ROOT)) {
            case "FACE" -> "a photograph in which people's faces can be seen";
            case "PERSON" -> "a photograph showing people";
            case "WOUND_LIKE" -> "a photograph showing skin with what may be wounds or scars";
            case "GEOTAGGED" -> "an image carrying its location (geotag)";
            case "TEXT" -> "text legible inside the image (for example a whiteboard or card)";
            case "NHS_NUMBER" -> "an NHS number";
            case "DATE_OF_BIRTH" -> "a date of birth";
            case "AGE" -> "a person's age";
            case "PERSON_NAME" -> "a personal name in the caption";
            case "WARD_OR_BED", "WARD_BED" -> "a ward or bed identifier";
            case "CARE_EVENT" -> "a reference to someone's admission, discharge, detention or treatment";
            case "PERINATAL" -> "a mother and baby in perinatal care";
            case "HEALTH_DETAIL" -> "details of someone's health";
            case "PATIENT_CONTEXT" -> "wording that presents the people shown as patients or service users";
            case "CONTENT_WARNING" -> "a content warning the platform or the poster put on the post";
            default -> signalLabel(signal);
        };
    }
}
