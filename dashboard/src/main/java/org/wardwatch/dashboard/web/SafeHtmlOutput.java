package org.wardwatch.dashboard.web;

import gg.jte.TemplateOutput;
import gg.jte.html.OwaspHtmlTemplateOutput;

/**
 * JTE's escaping output with one step in front: every value a template writes passes through
 * {@link SafeText#shown} first, so no page can show a control character or a hidden change of text
 * direction, whichever template or field it comes from.
 */
final class SafeHtmlOutput extends OwaspHtmlTemplateOutput {
    SafeHtmlOutput(TemplateOutput out) {
        super(out);
    }

    @Override
    public void writeUserContent(String value) {
        super.writeUserContent(SafeText.shown(value));
    }
}
