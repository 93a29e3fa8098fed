package org.wardwatch.core.registry;

import java.util.List;
import java.util.Objects;

/** A provider whose accounts are watched. The ODS code is its stable key. */
public record Organisation(Long id, String name, String odsCode, OrganisationKind kind,
                           String commsEmail, String igEmail, List<String> extraRecipients) {
    public Organisation {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(odsCode, "odsCode");
        kind = kind == null ? OrganisationKind.NHS_TRUST : kind;
        extraRecipients = extraRecipients == null ? List.of() : List.copyOf(extraRecipients);
    }

    public Organisation withId(long newId) {
        return new Organisation(newId, name, odsCode, kind, commsEmail, igEmail, extraRecipients);
    }
}
