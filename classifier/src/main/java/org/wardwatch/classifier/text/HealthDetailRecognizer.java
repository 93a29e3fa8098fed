package org.wardwatch.classifier.text;

import java.util.List;

/**
 * Health details that, next to a person, say something about their condition: diagnoses, self-harm,
 * overdose, substance use, eating disorders, medication. On their own they are common in campaigns
 * ("Eating Disorders Awareness Week"), so the score is modest and the decision needs a person too.
 */
public final class HealthDetailRecognizer extends PatternRecognizer {
    /** First letters of every word the patterns start with; a caption with none of them is skipped unscanned. */
    private static final List<String> STEMS = List.of("self", "cutting", "overdos", "suicid", "attempt", "ligature", "scar",
            "schizo", "bipolar", "psychos", "psychotic", "depress", "anorexi", "bulimi", "eating", "ptsd", "ocd", "emotionally",
            "personality", "eupd", "bpd", "dementia", "alzheimer", "delirium", "autis", "adhd", "learning", "epilep", "stroke",
            "cancer", "diabet", "covid", "sepsis", "hepatitis", "hiv", "dialysis", "chemo", "alcohol", "addict", "heroin",
            "opiate", "opioid", "crack", "cocaine", "sober", "sobriety", "clean", "day", "clozapine", "lithium", "olanzapine",
            "risperidone", "aripiprazole", "quetiapine", "haloperidol", "sertraline", "fluoxetine", "citalopram", "mirtazapine",
            "diazepam", "lorazepam", "methadone", "buprenorphine", "naloxone", "depot", "insulin", "morphine", "tube", "ng",
            "feeding", "drip", "ventilator", "intubated", "amputation", "wound", "pressure", "recovery", "recovering", "diagnos", "living");

    public HealthDetailRecognizer() {
        super(FindingTypes.HEALTH_DETAIL,
                List.of(NamedPattern.of("self-harm", "\\b(?:self[\\s-]?harm(?:ing)?(?:\\s+free)?|self[\\s-]?injur(?:y|ies|ing)|cutting|overdosed?|suicide\\s+attempt|attempted\\s+suicide|ligature|scars?)\\b", 0.6),
                        NamedPattern.of("diagnosis", "\\b(?:schizophreni[ac]|bipolar|psychosis|psychotic|depression|depressive|anorexi[ac]|bulimi[ac]|eating\\s+disorders?|ptsd|ocd|emotionally\\s+unstable|personality\\s+disorder|eupd|bpd|dementia|alzheimer'?s|delirium|autism|autistic|adhd|learning\\s+disabilit(?:y|ies)|epilepsy|stroke|cancer|diabetes|covid|sepsis|hepatitis|hiv|dialysis|chemo(?:therapy)?)\\b", 0.45),
                        NamedPattern.of("substance", "\\b(?:alcohol\\s+(?:withdrawal|dependence|use\\s+disorder|detox)|addiction|heroin|opiate|opioid|crack|cocaine|sober|sobriety|clean\\s+for|days?\\s+(?:sober|clean))\\b", 0.55),
                        NamedPattern.of("medication", "\\b(?:clozapine|lithium|olanzapine|risperidone|aripiprazole|quetiapine|haloperidol|sertraline|fluoxetine|citalopram|mirtazapine|diazepam|lorazepam|methadone|buprenorphine|naloxone|depot|insulin|morphine)\\b", 0.55),
                        NamedPattern.of("treatment", "\\b(?:tube[\\s-]fed|ng\\s+tube|feeding\\s+tube|on\\s+a\\s+drip|ventilator|intubated|amputation|wound|pressure\\s+sore|in\\s+recovery\\s+from|recovering\\s+from|diagnosed\\s+with|diagnosis\\s+of|living\\s+with)\\b", 0.5)),
                List.of("his", "her", "their", "patient", "after", "since", "free", "recovery"), 30, 0.1);
    }

    @Override
    protected boolean mayMatch(Caption caption) {
        return caption.anyWordStartsWith(STEMS);
    }
}
