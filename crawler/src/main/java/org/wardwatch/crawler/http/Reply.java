package org.wardwatch.crawler.http;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import okhttp3.Headers;
import okhttp3.MediaType;

/** A whole HTTP answer, its body read (within the size cap) and the connection released. */
public record Reply(int code, Headers headers, byte[] body, String url) {
    public boolean ok() {
        return code >= 200 && code < 300;
    }

    public String header(String name) {
        return headers.get(name);
    }

    public String text() {
        Charset cs = StandardCharsets.UTF_8;
        String type = headers.get("Content-Type");
        if (type != null) {
            MediaType mt = MediaType.parse(type);
            if (mt != null && mt.charset() != null) cs = mt.charset();
        }
        return new String(body, cs);
    }

    /** The start of the body, one line, for error messages ({@code {"error":"Record not found"}}). */
    public String snippet() {
        String t = text().replaceAll("\\s+", " ").strip();
        return t.length() > 200 ? t.substring(0, 200) + "…" : t;
    }
}
