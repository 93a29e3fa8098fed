package org.wardwatch.core.registry;

import java.util.Objects;

/**
 * A public account of an organisation on one platform.
 *
 * @param handle   feed or page URL, {@code @user} on Mastodon, handle or DID on Bluesky, site URL
 *                 for WordPress, username on X
 * @param baseUrl  instance, AppView or API base; null means the platform's public default
 * @param monitoringBasis for staff accounts, why WardWatch may read it (for example consent)
 * @param organisationOds the owning organisation's ODS code
 */
public record Account(Long id, String organisationOds, String name, AccountKind kind, String serviceType,
                      Platform platform, String handle, String baseUrl, boolean active,
                      String monitoringBasis) {
    public Account {
        Objects.requireNonNull(organisationOds, "organisationOds");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(handle, "handle");
        name = name == null || name.isBlank() ? handle : name;
        baseUrl = baseUrl == null || baseUrl.isBlank() ? null : baseUrl.strip();
        serviceType = serviceType == null || serviceType.isBlank() ? null : serviceType.strip();
        monitoringBasis = monitoringBasis == null || monitoringBasis.isBlank() ? null : monitoringBasis.strip();
    }

    /** The registry's natural key: one row per platform, base URL and handle. */
    public String key() {
        return platform.id() + "|" + (baseUrl == null ? "" : baseUrl) + "|" + handle;
    }

    public Account withId(long newId) {
        return new Account(newId, organisationOds, name, kind, serviceType, platform, handle, baseUrl, active,
                monitoringBasis);
    }

    public String label() {
        return name;
    }
}
