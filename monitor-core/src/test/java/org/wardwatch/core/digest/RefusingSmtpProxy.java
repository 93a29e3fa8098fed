package org.wardwatch.core.digest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An SMTP front for a real server (GreenMail) that turns the first {@code refusals} connections
 * away with "421 try again later", as a busy or restarting mail server does, and passes every
 * later connection through unchanged.
 */
final class RefusingSmtpProxy implements AutoCloseable {
    private final ServerSocket server;
    private final int targetPort;
    final AtomicInteger refusals;
    final AtomicInteger connections = new AtomicInteger();

    RefusingSmtpProxy(int targetPort, int refusals) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.targetPort = targetPort;
        this.refusals = new AtomicInteger(refusals);
        Thread accept = new Thread(this::acceptLoop, "refusing-smtp-proxy");
        accept.setDaemon(true);
        accept.start();
    }

    int port() {
        return server.getLocalPort();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                connections.incrementAndGet();
                if (refusals.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                    try (client) {
                        client.getOutputStream().write("421 4.3.2 Service not available, try again later\r\n"
                                .getBytes(StandardCharsets.US_ASCII));
                        client.getOutputStream().flush();
                    }
                    continue;
                }
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                pump(client.getInputStream(), upstream.getOutputStream(), client, upstream);
                pump(upstream.getInputStream(), client.getOutputStream(), client, upstream);
            } catch (IOException e) {
                if (server.isClosed()) return;
            }
        }
    }

    private static void pump(InputStream in, OutputStream out, Socket a, Socket b) {
        Thread t = new Thread(() -> {
            try {
                in.transferTo(out);
            } catch (IOException ignored) {
                // the other side hung up
            } finally {
                try {
                    a.close();
                    b.close();
                } catch (IOException ignored) {
                    // already closed
                }
            }
        }, "refusing-smtp-proxy-pump");
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
