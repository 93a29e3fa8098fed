package org.wardwatch.core.registry;

/** An account with its organisation's name and its crawl health. */
public record AccountStatus(Account account, String organisationName, AccountHealth health) {
}
