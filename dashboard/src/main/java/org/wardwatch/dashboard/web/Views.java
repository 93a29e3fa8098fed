package org.wardwatch.dashboard.web;

import java.util.Map;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

/**
 * Renders the JTE templates compiled into the jar at build time (src/main/jte), through
 * {@link SafeHtmlOutput} so no value reaches a page with control or direction characters.
 */
public final class Views {
    private final TemplateEngine engine = TemplateEngine.createPrecompiled(null, ContentType.Html, null,
            "org.wardwatch.dashboard.templates");

    public String render(String template, Map<String, Object> params) {
        StringOutput out = new StringOutput(8192);
        engine.render(template, params, new SafeHtmlOutput(out));
        return out.toString();
    }
}
