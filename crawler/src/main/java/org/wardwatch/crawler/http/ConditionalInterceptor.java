package org.wardwatch.crawler.http;

import java.io.IOException;

import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/** Turns a request tagged with {@link ConditionalGet} into a conditional GET and records the outcome. */
final class ConditionalInterceptor implements Interceptor {
    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        ConditionalGet cond = request.tag(ConditionalGet.class);
        if (cond == null) return chain.proceed(request);
        Request.Builder b = request.newBuilder();
        if (cond.sent().etag() != null) b.header("If-None-Match", cond.sent().etag());
        if (cond.sent().lastModified() != null) b.header("If-Modified-Since", cond.sent().lastModified());
        Response response = chain.proceed(b.build());
        if (response.code() == 304) {
            cond.received(cond.sent(), true);
        } else if (response.isSuccessful()) {
            cond.received(new Validators(response.header("ETag"), response.header("Last-Modified")), false);
        }
        return response;
    }
}
