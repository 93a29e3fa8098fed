package org.wardwatch.crawler.http;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

import org.wardwatch.core.registry.Account;

import okhttp3.HttpUrl;

/**
 * The hosts a request may reach even on a private address: those of the account's own registered
 * URLs (its handle when that is a URL, its base URL, a Mastodon handle's instance). An operator who
 * registers an intranet feed meant it; a redirect or an image link to anywhere else on the intranet
 * is refused. Carried as a request tag.
 */
public record TrustedHosts(Set<String> hosts) {
    public static final TrustedHosts NONE = new TrustedHosts(Set.of());

    public TrustedHosts {
        Set<String> lower = new LinkedHashSet<>();
        for (String h : hosts) lower.add(h.toLowerCase(Locale.ROOT));
        hosts = Set.copyOf(lower);
    }

    public static TrustedHosts of(Account account) {
        if (account == null) return NONE;
        Set<String> hosts = new LinkedHashSet<>();
        addHost(hosts, account.handle());
        addHost(hosts, account.baseUrl());
        String h = account.handle() == null ? "" : account.handle().replaceFirst("^@", "");
        int at = h.indexOf('@');
        if (at > 0 && !h.contains("/")) hosts.add(h.substring(at + 1));
        return new TrustedHosts(hosts);
    }

    public boolean trusts(String host) {
        return host != null && hosts.contains(host.toLowerCase(Locale.ROOT));
    }

    private static void addHost(Set<String> hosts, String url) {
        HttpUrl u = url == null ? null : HttpUrl.parse(url.strip());
        if (u != null) hosts.add(u.host());
    }
}
