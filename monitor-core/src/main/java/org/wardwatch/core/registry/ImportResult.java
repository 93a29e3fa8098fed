package org.wardwatch.core.registry;

public record ImportResult(int organisationsAdded, int organisationsUpdated, int accountsAdded, int accountsUpdated,
                           int accountsUnchanged) {
    @Override
    public String toString() {
        return "organisations: " + organisationsAdded + " added, " + organisationsUpdated + " updated; accounts: "
                + accountsAdded + " added, " + accountsUpdated + " updated, " + accountsUnchanged + " unchanged";
    }
}
