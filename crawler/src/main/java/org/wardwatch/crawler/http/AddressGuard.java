package org.wardwatch.crawler.http;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Arrays;

import okhttp3.HttpUrl;
import okhttp3.Request;

/**
 * Which addresses a crawl may connect to. A feed, a redirect or an image link is written by a
 * stranger; followed blindly, it makes the crawler read the cloud metadata service or an intranet
 * admin page. So no address that is not public is connected to, unless the hop's host name is one
 * the operator registered for the account ({@link TrustedHosts}): trust follows the name an
 * operator typed, never an address some server handed us.
 */
final class AddressGuard {
    private AddressGuard() {
    }

    /** The kinds of address that are not the public internet. */
    enum Kind {
        LOOPBACK("a loopback"), ANY_LOCAL("an any-local"), PRIVATE("a private"), LINK_LOCAL("a link-local"),
        UNIQUE_LOCAL("a unique-local"), CARRIER_GRADE_NAT("a carrier-grade NAT"), MULTICAST("a multicast"),
        BROADCAST("a broadcast");

        private final String phrase;

        Kind(String phrase) {
            this.phrase = phrase;
        }
    }

    /** A connection the guard will not open or use. */
    static final class Refused extends HttpProblem {
        Refused(String message) {
            super(message);
        }
    }

    /** The kind of a non-public address, or null for a public one. */
    static Kind kind(InetAddress address) {
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) return ipv4(b);
        if (address instanceof Inet6Address) return ipv6(b);
        return null;
    }

    private static Kind ipv4(byte[] b) {
        int a0 = b[0] & 0xff, a1 = b[1] & 0xff;
        if (a0 == 0) return Kind.ANY_LOCAL;
        if (a0 == 127) return Kind.LOOPBACK;
        if (a0 == 10 || (a0 == 172 && a1 >= 16 && a1 <= 31) || (a0 == 192 && a1 == 168)) return Kind.PRIVATE;
        if (a0 == 169 && a1 == 254) return Kind.LINK_LOCAL;
        if (a0 == 100 && a1 >= 64 && a1 <= 127) return Kind.CARRIER_GRADE_NAT;
        if (a0 >= 224 && a0 <= 239) return Kind.MULTICAST;
        if (a0 == 255 && a1 == 255 && (b[2] & 0xff) == 255 && (b[3] & 0xff) == 255) return Kind.BROADCAST;
        return null;
    }

    private static Kind ipv6(byte[] b) {
        if (zeros(b, 0, 16)) return Kind.ANY_LOCAL;
        if (zeros(b, 0, 15) && b[15] == 1) return Kind.LOOPBACK;
        // an IPv4 address inside IPv6 reaches the IPv4 host: mapped ::ffff:a.b.c.d, the old
        // compatible ::a.b.c.d, and NAT64's 64:ff9b::a.b.c.d
        if (zeros(b, 0, 10) && b[10] == (byte) 0xff && b[11] == (byte) 0xff) return ipv4(Arrays.copyOfRange(b, 12, 16));
        if (zeros(b, 0, 12)) return ipv4(Arrays.copyOfRange(b, 12, 16));
        if (b[0] == 0 && b[1] == 0x64 && b[2] == (byte) 0xff && b[3] == (byte) 0x9b && zeros(b, 4, 12)) {
            return ipv4(Arrays.copyOfRange(b, 12, 16));
        }
        int b0 = b[0] & 0xff, b1 = b[1] & 0xff;
        if (b0 == 0xff) return Kind.MULTICAST;
        if (b0 == 0xfe && (b1 & 0xc0) == 0x80) return Kind.LINK_LOCAL;
        // fec0::/10, the deprecated site-local block, is still a private network where it is used
        if (b0 == 0xfe && (b1 & 0xc0) == 0xc0) return Kind.PRIVATE;
        if ((b0 & 0xfe) == 0xfc) return Kind.UNIQUE_LOCAL;
        return null;
    }

    private static boolean zeros(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) if (b[i] != 0) return false;
        return true;
    }

    /**
     * Refuses the connection unless the address is public or the hop's host is trusted.
     *
     * @param hop     the request this connection is for; null when unknown, which trusts no host
     * @param address the address connected to; null when not resolved here (a proxy's), which cannot be checked
     */
    static void check(Request hop, InetAddress address) throws Refused {
        if (hop != null) {
            TrustedHosts trusted = hop.tag(TrustedHosts.class);
            if (trusted != null && trusted.trusts(hop.url().host())) return;
        }
        if (address == null) {
            throw new Refused(describe(hop) + "refused: the address is not resolved here, so it cannot be checked"
                    + " (http.allowPrivateAddresses)");
        }
        Kind kind = kind(address);
        if (kind == null) return;
        throw new Refused(describe(hop) + "refused: " + display(address) + " is " + kind.phrase
                + " address (private addresses are not fetched; http.allowPrivateAddresses)");
    }

    private static String describe(Request hop) {
        if (hop == null) return "";
        RedirectedFrom from = hop.tag(RedirectedFrom.class);
        return hop.method() + " " + hop.url() + (from == null ? "" : " (redirected from " + from.url() + ")") + ": ";
    }

    /** The address as a URL would write it: IPv6 compressed ({@code ::1}), without a scope. */
    static String display(InetAddress address) {
        String text = address.getHostAddress().replaceFirst("%.*$", "");
        if (!(address instanceof Inet6Address)) return text;
        HttpUrl u = HttpUrl.parse("http://[" + text + "]/");
        return u == null ? text : u.host();
    }
}
