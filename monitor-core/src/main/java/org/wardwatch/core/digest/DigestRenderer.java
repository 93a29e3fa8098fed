package org.wardwatch.core.digest;

import java.util.Map;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

/**
 * Renders a {@link Digest} into its subject, plain-text part and HTML part from the JTE templates in
 * {@code src/main/jte} (compiled at build time). The HTML engine escapes every value; styles are
 * inline and there are no images or scripts, so the message reads the same in any mail client.
 */
public final class DigestRenderer {
    private final TemplateEngine html = TemplateEngine.createPrecompiled(null, ContentType.Html,
            DigestRenderer.class.getClassLoader(), "org.wardwatch.core.digest.templates.html");
    private final TemplateEngine text = TemplateEngine.createPrecompiled(null, ContentType.Plain,
            DigestRenderer.class.getClassLoader(), "org.wardwatch.core.digest.templates.text");

    public RenderedDigest render(Digest digest) {
        return new RenderedDigest(DigestSubject.of(digest), render(text, digest), render(html, digest));
    }

    private static String render(TemplateEngine engine, Digest digest) {
        StringOutput out = new StringOutput();
        engine.render("digest.jte", Map.of("d", digest), out);
        return out.toString();
    }
}
