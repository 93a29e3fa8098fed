package org.wardwatch.dashboard.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

import org.wardwatch.dashboard.AppContext;
import org.wardwatch.dashboard.auth.Role;
import org.wardwatch.dashboard.auth.User;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code wardwatch users add|token}: dashboard users and their API tokens. */
@Command(name = "users", description = "Manages dashboard users.",
        subcommands = {UsersCommand.Add.class, UsersCommand.Token.class})
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

    @Command(name = "token", description = "Issues a new API token for a user and prints it (only this once).")
    static final class Token implements Callable<Integer> {
        @ParentCommand
        UsersCommand users;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "NAME", description = "User name.")
        String name;

        @Override
        public Integer call() throws Exception {
            AppContext ctx = users.root.context();
            String token = ctx.apiTokens().issue(name);
            User u = ctx.users().byName(name).orElseThrow();
            ctx.auditLog().record("cli", "token_issued", "user", u.id(), u.organisationId(), "API token for " + u.username());
            spec.commandLine().getOut().println(token);
            spec.commandLine().getOut().flush();
            return 0;
        }
    }
}
