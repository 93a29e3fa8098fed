package org.wardwatch.dashboard.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

import org.wardwatch.dashboard.AppContext;
import org.wardwatch.dashboard.auth.ApiTokens;
import org.wardwatch.dashboard.auth.Role;
import org.wardwatch.dashboard.auth.User;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code wardwatch users add|token|disable|enable}: dashboard users and their API tokens. */
@Command(name = "users", description = "Manages dashboard users.",
        subcommands = {UsersCommand.Add.class, UsersCommand.Token.class, UsersCommand.Disable.class, UsersCommand.Enable.class})
public final class UsersCommand implements Callable<Integer> {
    @ParentCommand
    WardWatch root;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(System.out);
        return 0;
    }

    @Command(name = "add", description = "Adds a user; the password is read from standard input.")
    static final class Add implements Callable<Integer> {
        @ParentCommand
        UsersCommand users;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "NAME", description = "User name.")
        String name;

        @Option(names = "--role", required = true, paramLabel = "ROLE",
                description = "admin (everything), reviewer (cases of one organisation) or auditor (figures only).")
        String role;

        @Option(names = "--org", paramLabel = "ODS", description = "The reviewer's organisation, by ODS code.")
        String org;

        @Option(names = "--password-stdin", description = "Read the password from the first line of standard input.")
        boolean passwordStdin;

        @Override
        public Integer call() throws Exception {
            Role r = Role.parse(role).orElseThrow(() -> new IllegalArgumentException(
                    "--role must be admin, reviewer or auditor, not " + role));
            if (!passwordStdin) {
                throw new IllegalArgumentException("give the password on standard input with --password-stdin "
                        + "(passwords are never taken as arguments, where other users could see them)");
            }
            String password = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            if (password == null) throw new IllegalArgumentException("no password on standard input");
            AppContext ctx = users.root.context();
            User u = ctx.users().add(name, password, r, org);
            ctx.auditLog().record("cli", "user_added", "user", u.id(), u.organisationId(), u.username() + " as " + r.id());
            spec.commandLine().getOut().println("added " + r.id() + " " + u.username()
                    + (u.organisationName() == null ? "" : " of " + u.organisationName()));
            spec.commandLine().getOut().flush();
            return 0;
        }
    }

    @Command(name = "token", description = {"Issues a new API token for a user and prints it (only this once); "
            + "the user's earlier tokens are revoked.", "With --revoke, revokes every token of the user instead."})
    static final class Token implements Callable<Integer> {
        @ParentCommand
        UsersCommand users;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "NAME", description = "User name.")
        String name;

        @Option(names = "--days", paramLabel = "DAYS", defaultValue = "" + ApiTokens.DEFAULT_DAYS,
                description = "Days until the token expires (1 to " + ApiTokens.MAX_DAYS + "; default ${DEFAULT-VALUE}).")
        int days;

        @Option(names = "--revoke", description = "Revoke every token of the user; print nothing on standard output.")
        boolean revoke;

        @Override
        public Integer call() throws Exception {
            AppContext ctx = users.root.context();
            User u = ctx.users().byName(name).orElseThrow(() -> new IllegalArgumentException("no user " + name));
            if (revoke) {
                int n = ctx.apiTokens().revokeAll(u.id());
                ctx.auditLog().record("cli", "tokens_revoked", "user", u.id(), u.organisationId(), n + " API tokens of " + u.username());
                spec.commandLine().getErr().println("revoked " + n + " token" + (n == 1 ? "" : "s") + " of " + u.username());
                spec.commandLine().getErr().flush();
                return 0;
            }
            ApiTokens.Issued issued = ctx.apiTokens().issue(name, days);
            ctx.auditLog().record("cli", "token_issued", "user", u.id(), u.organisationId(), "API token for " + u.username()
                    + ", expires " + issued.expiresAt() + (issued.revokedEarlier() > 0 ? ", " + issued.revokedEarlier() + " earlier revoked" : ""));
            spec.commandLine().getErr().println("token for " + u.username() + " expires " + issued.expiresAt()
                    + (issued.revokedEarlier() > 0 ? "; " + issued.revokedEarlier() + " earlier token(s) revoked" : ""));
            spec.commandLine().getErr().flush();
            spec.commandLine().getOut().println(issued.token());
            spec.commandLine().getOut().flush();
            return 0;
        }
    }

    @Command(name = "disable", description = "Disables a user: no sign-in, no API token, live sessions end on their next request.")
    static final class Disable implements Callable<Integer> {
        @ParentCommand
        UsersCommand users;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "NAME", description = "User name.")
        String name;

        @Override
        public Integer call() throws Exception {
            return users.setEnabled(spec, name, false);
        }
    }

    @Command(name = "enable", description = "Enables a disabled user again (their revoked tokens stay revoked).")
    static final class Enable implements Callable<Integer> {
        @ParentCommand
        UsersCommand users;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "NAME", description = "User name.")
        String name;

        @Override
        public Integer call() throws Exception {
            return users.setEnabled(spec, name, true);
        }
    }

    int setEnabled(CommandLine.Model.CommandSpec spec, String name, boolean enable) throws Exception {
        AppContext ctx = root.context();
        User u = ctx.users().byName(name).orElseThrow(() -> new IllegalArgumentException("no user " + name));
        boolean changed = ctx.users().setActive(u.id(), enable);
        if (changed) {
            ctx.auditLog().record("cli", enable ? "user_enabled" : "user_disabled", "user", u.id(), u.organisationId(), u.username());
        }
        spec.commandLine().getOut().println(u.username() + (changed ? (enable ? " enabled" : " disabled") : " was already " + (enable ? "enabled" : "disabled")));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
