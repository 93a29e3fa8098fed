package org.wardwatch.core.registry;

import java.util.List;

/** What a registry file (YAML or CSV) declares: organisations and their accounts. */
public record RegistryFile(List<Organisation> organisations, List<Account> accounts) {
    public RegistryFile {
        organisations = List.copyOf(organisations);
        accounts = List.copyOf(accounts);
    }
}
