package org.wardwatch.crawler.http;

import org.wardwatch.core.registry.Account;
import org.wardwatch.core.source.Deadline;
import org.wardwatch.core.source.MediaFetcher;
import org.wardwatch.core.source.SourceException;

import okhttp3.Request;

/** Downloads images through the crawler's HTTP stack, with the image size cap instead of the page cap. */
public final class OkHttpMediaFetcher implements MediaFetcher {
    private final HttpStack http;

    public OkHttpMediaFetcher(HttpStack http) {
        this.http = http;
    }

    @Override
    public byte[] fetch(Account account, String url, long maxBytes, Deadline deadline) throws SourceException {
        Request request = HttpStack.request(url).tag(MaxBytes.class, new MaxBytes(maxBytes))
                .tag(TrustedHosts.class, TrustedHosts.of(account)).tag(Deadline.class, deadline).build();
        Reply r = http.send(request);
        if (!r.ok()) throw new SourceException("image " + url + ": HTTP " + r.code());
        String type = r.header("Content-Type");
        if (type != null && (type.startsWith("text/") || type.startsWith("application/json"))) {
            throw new SourceException("image " + url + ": not an image (" + type + ")");
        }
        if (r.body().length == 0) throw new SourceException("image " + url + ": empty body");
        return r.body();
    }
}
