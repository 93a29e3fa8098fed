package org.wardwatch.crawler.http;

import java.io.IOException;
import java.util.HashSet;
import java.util.Set;

import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Follows redirects itself (the client's own following is off) so that every hop passes the
 * politeness interceptors and the private-address guard, a refused hop says which URL redirected
 * there, and a loop or a long chain stops with a clear message.
 */
final class RedirectInterceptor implements Interceptor {
    private final int maxRedirects;

    RedirectInterceptor(int maxRedirects) {
        this.maxRedirects = maxRedirects;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        Set<HttpUrl> seen = new HashSet<>();
        seen.add(request.url());
        for (int hops = 0; ; hops++) {
            Response response = chain.proceed(request);
            if (!response.isRedirect()) return response;
            String location = response.header("Location");
            if (location == null) return response;
            HttpUrl next = request.url().resolve(location);
            response.close();
            if (next == null) throw new HttpProblem("bad redirect to " + location + " from " + request.url());
            if (!seen.add(next)) throw new HttpProblem("redirect loop at " + next);
            if (hops + 1 > maxRedirects) {
                throw new HttpProblem("more than " + maxRedirects + " redirects from " + chain.request().url());
            }
            request = request.newBuilder().url(next).get()
                    .tag(RedirectedFrom.class, new RedirectedFrom(request.url())).build();
        }
    }
}
