package org.wardwatch.crawler.http;

import java.io.IOException;

import okhttp3.Interceptor;
import okhttp3.Response;

/** Names WardWatch and a contact address on every request, so a site owner can reach us. */
final class UserAgentInterceptor implements Interceptor {
    private final String userAgent;

    UserAgentInterceptor(String userAgent) {
        this.userAgent = userAgent;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        return chain.proceed(chain.request().newBuilder().header("User-Agent", userAgent).build());
    }
}
