package org.wardwatch.core.digest;

import java.util.List;

/** An organisation as the digest needs it: who it is and who reads its digest. */
public record DigestOrganisation(long id, String name, String odsCode, String commsEmail,
                                 List<String> extraRecipients) {
    public DigestOrganisation {
        extraRecipients = extraRecipients == null ? List.of() : List.copyOf(extraRecipients);
    }
}
