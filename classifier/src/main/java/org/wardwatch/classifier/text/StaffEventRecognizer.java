package org.wardwatch.classifier.text;

import java.util.List;

/**
 * Staff news: promotion, retirement, awards for staff, joining the team, recruitment, qualifying,
 * placements, talks and training. Internal, for the role resolver: a caption about staff news names
 * staff, not patients.
 */
public final class StaffEventRecognizer extends PatternRecognizer {
    public StaffEventRecognizer() {
        super(FindingTypes.STAFF_EVENT,
                List.of(NamedPattern.of("career", "\\b(?:promot(?:ed|ion)|retir(?:e|es|ed|ing|ement)|years?\\s+(?:of\\s+)?service|long\\s+service|new\\s+role|new\\s+post|appointed|appointment\\s+as|joins?\\s+(?:us|the\\s+team|our\\s+team)|joined\\s+(?:us|the\\s+team|our\\s+team)|welcome\\s+to\\s+the\\s+team|welcome\\s+(?:aboard|back\\s+to\\s+the\\s+team)|our\\s+new\\s+\\w+|meet\\s+the\\s+team|leaving\\s+do|last\\s+shift|first\\s+shift|qualif(?:ied|ying|ication)|graduat(?:ed|es|ion)|preceptorship|revalidat(?:ion|ed)|registered\\s+nurse|pin\\s+number|(?:nursing|medical|midwifery|social\\s+work|physiotherapy|ot)\\s+(?:degrees?|apprenticeships?|exams?|course))\\b", 0.7),
                        NamedPattern.of("award", "\\b(?:employee|colleague|nurse|volunteer|team|staff\\s+member|star)\\s+of\\s+the\\s+(?:month|year|week|quarter)|\\bstaff\\s+awards?\\b|\\b(?:daisy|nursing\\s+times|hsj|rcn|chief\\s+nurse'?s?)\\s+award|\\bshortlisted\\b|\\bnominated\\b|\\bmbe\\b|\\bobe\\b|\\bbem\\b|\\bfellowship\\b|\\bphd\\b|\\bdoctorate\\b|\\bmasters\\b", 0.7),
                        NamedPattern.of("recruitment", "\\b(?:we\\s+are\\s+|we'?re\\s+)?(?:hiring|recruiting|recruitment|vacanc(?:y|ies)|job\\s+(?:fair|opening)|apply\\s+(?:now|today|by)|open\\s+day|band\\s+[2-9]|interviews?)\\b", 0.7),
                        NamedPattern.of("work", "\\b(?:placement|training\\s+(?:day|session|course)|teaching\\s+session|conference|presented|presenting|presentation|talk|lecture|webinar|research|published|poster|cpd|supervision|rota|shift|night\\s+shift|on\\s+duty|marathon|(?:has\\s+)?work(?:ed|s|ing)\\s+(?:on|in|at|for|as)\\b)\\b", 0.5),
                        NamedPattern.of("fundraising", "\\b(?:fundrais(?:er|ing|ed)|raised\\s+£|sponsored|charity\\s+(?:walk|run|bake))\\b", 0.3)),
                List.of(), 0, 0);
    }
}
