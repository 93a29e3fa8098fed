package org.wardwatch.crawler.http;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;

import javax.net.SocketFactory;

import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Checks the address a new connection is about to open, before the socket connects. It is the
 * resolved address OkHttp dials, so an IP literal, any redirect hop and a host name that resolves
 * to the intranet (or changes its answer between lookups) are all caught before one packet leaves.
 * <p>
 * A socket knows nothing of the request it is for. OkHttp 4 opens a synchronous call's connections
 * on the calling thread, so the interceptor half notes the hop this thread is sending and the socket
 * factory half reads it back. A socket opened anywhere else (an asynchronous call) trusts no host.
 */
final class ConnectGuard extends SocketFactory implements Interceptor {
    private final ThreadLocal<Request> hop = new ThreadLocal<>();

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request outer = hop.get();
        hop.set(chain.request());
        try {
            return chain.proceed(chain.request());
        } finally {
            // robots.txt is fetched from inside another request's chain: give the outer hop back
            if (outer == null) hop.remove();
            else hop.set(outer);
        }
    }

    private void check(SocketAddress endpoint) throws IOException {
        AddressGuard.check(hop.get(), endpoint instanceof InetSocketAddress isa ? isa.getAddress() : null);
    }

    @Override
    public Socket createSocket() {
        return new Socket() {
            @Override
            public void connect(SocketAddress endpoint, int timeout) throws IOException {
                check(endpoint);
                super.connect(endpoint, timeout);
            }
        };
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return connected(new InetSocketAddress(host, port), new InetSocketAddress(localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
        return connected(new InetSocketAddress(address, port), new InetSocketAddress(localAddress, localPort));
    }

    private Socket connected(InetSocketAddress remote, InetSocketAddress... local) throws IOException {
        Socket s = createSocket();
        try {
            if (local.length > 0) s.bind(local[0]);
            s.connect(remote);
            return s;
        } catch (IOException e) {
            s.close();
            throw e;
        }
    }
}
