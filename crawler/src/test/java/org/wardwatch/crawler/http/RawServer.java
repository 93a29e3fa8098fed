package org.wardwatch.crawler.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A hostile HTTP/1.1 server on 127.0.0.1, written on a bare socket because a well-behaved test
 * server cannot misbehave in these ways: it trickles, stalls and never answers. Each connection
 * carries one request. Every loop is bounded, and closing the server closes every connection.
 */
final class RawServer implements AutoCloseable {
    /** What the server does with one request; {@code n} counts requests from 1. */
    interface Behaviour {
        void answer(int n, OutputStream out) throws IOException, InterruptedException;
    }

    /** The longest any behaviour keeps a connection open. */
    static final long MAX_HOLD_MILLIS = 60_000;

    private final ServerSocket server;
    private final Behaviour behaviour;
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger requests = new AtomicInteger();
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final List<Thread> serving = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    RawServer(Behaviour behaviour) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        this.behaviour = behaviour;
        Thread t = new Thread(this::acceptLoop, "raw-server-" + server.getLocalPort());
        t.setDaemon(true);
        t.start();
    }

    /** Headers at once, then the body one byte every {@code everyMillis}. */
    static Behaviour trickleBody(long everyMillis) {
        return (n, out) -> {
            out.write(head(100_000).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            trickle(out, new byte[100_000], everyMillis);
        };
    }

    /** The status line and headers one byte every {@code everyMillis}. */
    static Behaviour trickleHeaders(long everyMillis) {
        return (n, out) -> trickle(out, head(2).getBytes(StandardCharsets.US_ASCII), everyMillis);
    }

    /** Reads the request and never answers. */
    static Behaviour silent() {
        return (n, out) -> Thread.sleep(MAX_HOLD_MILLIS);
    }

    /** Headers and the first bytes of a 100-byte body, then nothing, for the first {@code stalls} requests; then a whole answer. */
    static Behaviour stallBodyThenAnswer(int stalls) {
        return (n, out) -> {
            if (n <= stalls) {
                out.write((head(100) + "0123456789").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                Thread.sleep(MAX_HOLD_MILLIS);
            } else {
                out.write((head(5) + "whole").getBytes(StandardCharsets.US_ASCII));
                out.flush();
            }
        };
    }

    private static String head(long contentLength) {
        return "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: " + contentLength
                + "\r\nConnection: close\r\n\r\n";
    }

    private static void trickle(OutputStream out, byte[] bytes, long everyMillis) throws IOException, InterruptedException {
        long limit = Math.min(bytes.length, MAX_HOLD_MILLIS / everyMillis);
        for (int i = 0; i < limit; i++) {
            out.write(bytes[i]);
            out.flush();
            Thread.sleep(everyMillis);
        }
    }

    String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    int port() {
        return server.getLocalPort();
    }

    /** Connections accepted so far. */
    int accepted() {
        return accepted.get();
    }

    /** Requests read so far. */
    int requests() {
        return requests.get();
    }

    private void acceptLoop() {
        while (!closed) {
            Socket s;
            try {
                s = server.accept();
            } catch (IOException e) {
                return;
            }
            accepted.incrementAndGet();
            open.add(s);
            Thread t = new Thread(() -> serve(s), "raw-connection");
            t.setDaemon(true);
            serving.add(t);
            t.start();
        }
    }

    private void serve(Socket s) {
        try (s) {
            s.setSoTimeout((int) MAX_HOLD_MILLIS);
            readHead(s.getInputStream());
            behaviour.answer(requests.incrementAndGet(), s.getOutputStream());
        } catch (IOException | InterruptedException e) {
            // the client went away, or the server was closed: either ends this connection
        } finally {
            open.remove(s);
        }
    }

    /** Reads up to the blank line that ends a request's head (a GET has no body). */
    private static void readHead(InputStream in) throws IOException {
        int matched = 0;
        for (int i = 0; i < 65_536 && matched < 4; i++) {
            int c = in.read();
            if (c < 0) throw new IOException("request ended early");
            matched = (c == "\r\n\r\n".charAt(matched)) ? matched + 1 : (c == '\r' ? 1 : 0);
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
        for (Socket s : open) s.close();
        for (Thread t : serving) t.interrupt();
    }
}
