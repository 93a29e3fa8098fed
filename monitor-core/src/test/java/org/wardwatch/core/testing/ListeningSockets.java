package org.wardwatch.core.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Assumptions;

/**
 * The TCP sockets a process listens on, read from Linux's /proc: the socket inodes among the
 * process's open files, matched against the listening entries of /proc/net/tcp and tcp6. What the
 * kernel says, not what the program meant to do.
 */
public final class ListeningSockets {
    private ListeningSockets() {
    }

    public record Listener(InetAddress address, int port) {
        public boolean loopback() {
            return address.isLoopbackAddress();
        }

        @Override
        public String toString() {
            return address.getHostAddress() + ":" + port;
        }
    }

    public static List<Listener> of(long pid) throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc/net")), "needs Linux /proc");
        Set<String> inodes = new HashSet<>();
        try (var fds = Files.list(Path.of("/proc", String.valueOf(pid), "fd"))) {
            for (Path fd : fds.toList()) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) inodes.add(target.substring(8, target.length() - 1));
                } catch (IOException closedMeanwhile) {
                    // the descriptor went away while listing
                }
            }
        }
        List<Listener> out = new ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path file = Path.of(table);
            if (!Files.exists(file)) continue;
            for (String line : Files.readAllLines(file)) {
                String[] f = line.trim().split("\\s+");
                if (f.length < 10 || !"0A".equals(f[3]) || !inodes.contains(f[9])) continue;
                String[] local = f[1].split(":");
                out.add(new Listener(address(local[0]), Integer.parseInt(local[1], 16)));
            }
        }
        return out;
    }

    /** /proc writes addresses as 32-bit words in host (little-endian) order. */
    static InetAddress address(String hex) throws UnknownHostException {
        byte[] bytes = new byte[hex.length() / 2];
        for (int word = 0; word < bytes.length / 4; word++) {
            for (int i = 0; i < 4; i++) {
                int at = word * 8 + (3 - i) * 2;
                bytes[word * 4 + i] = (byte) Integer.parseInt(hex.substring(at, at + 2), 16);
            }
        }
        return InetAddress.getByAddress(bytes);
    }
}
