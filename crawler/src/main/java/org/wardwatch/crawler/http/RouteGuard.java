package org.wardwatch.crawler.http;

import java.io.IOException;

import okhttp3.Connection;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Checks the address of the connection each exchange actually goes over, just before the request is
 * written. {@link ConnectGuard} sees only connections being opened; OkHttp's pool hands a connection
 * opened for a trusted request to host H to the next request for H, trusted or not, and this is
 * where such a reuse is caught. A network interceptor: it runs once a connection has been chosen.
 */
final class RouteGuard implements Interceptor {
    @Override
    public Response intercept(Chain chain) throws IOException {
        Connection connection = chain.connection();
        if (connection != null) AddressGuard.check(chain.request(), connection.route().socketAddress().getAddress());
        return chain.proceed(chain.request());
    }
}
