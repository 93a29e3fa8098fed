package org.wardwatch.crawler.http;

import java.io.IOException;

import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import okio.ForwardingSource;
import okio.Okio;

/**
 * Refuses response bodies over the cap: at once when {@code Content-Length} says so, otherwise as
 * soon as more than the cap has been read, so a lying or absent length cannot exhaust memory.
 */
final class SizeCapInterceptor implements Interceptor {
    private final long defaultMax;

    SizeCapInterceptor(long defaultMax) {
        this.defaultMax = defaultMax;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        MaxBytes tag = chain.request().tag(MaxBytes.class);
        long max = tag == null ? defaultMax : tag.value();
        Response response = chain.proceed(chain.request());
        ResponseBody body = response.body();
        if (body == null) return response;
        String url = chain.request().url().toString();
        long declared = body.contentLength();
        if (declared > max) {
            response.close();
            throw new TooLarge(url, max);
        }
        BufferedSource capped = Okio.buffer(new ForwardingSource(body.source()) {
            private long total;

            @Override
            public long read(Buffer sink, long byteCount) throws IOException {
                long n = super.read(sink, byteCount);
                if (n > 0) {
                    total += n;
                    if (total > max) throw new TooLarge(url, max);
                }
                return n;
            }
        });
        MediaType type = body.contentType();
        return response.newBuilder().body(ResponseBody.create(capped, type, declared)).build();
    }

    /** The body is over the cap. */
    public static final class TooLarge extends HttpProblem {
        TooLarge(String url, long max) {
            super(url + " is larger than " + max + " bytes");
        }
    }
}
