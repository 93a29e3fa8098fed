package org.wardwatch.dashboard.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.wardwatch.core.registry.AccountStatus;
import org.wardwatch.core.registry.ImportResult;
import org.wardwatch.core.registry.RegistryReader;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "accounts", description = "Manage the registry of organisations and their accounts.",
        subcommands = {AccountsCommand.Import.class, AccountsCommand.ListAccounts.class})
final class AccountsCommand {
    @ParentCommand
    WardWatch root;

    @Command(name = "import", description = {"Add or update organisations and accounts from a YAML or CSV file.",
            "Importing the same file again changes nothing. CSV columns: organisation, ods_code, comms_email, account,",
            "kind, service_type, platform, handle, base_url, active (any order; extra columns ignored)."})
    static final class Import implements Callable<Integer> {
        @ParentCommand
        AccountsCommand parent;
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "accounts.yaml or a .csv file")
        Path file;

        @Override
        public Integer call() throws Exception {
            var registryFile = RegistryReader.read(file);
            ImportResult result = parent.root.context().registry().importFile(registryFile);
            spec.commandLine().getOut().println(file + ": " + result);
            return 0;
        }
    }

    @Command(name = "list", description = "Print the registry with each account's crawl health.")
    static final class ListAccounts implements Callable<Integer> {
        private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

        @ParentCommand
        AccountsCommand parent;
        @Spec
        CommandSpec spec;

        @Option(names = "--errors", description = "Only accounts whose last crawl failed.")
        boolean errorsOnly;

        @Override
        public Integer call() throws Exception {
            List<AccountStatus> accounts = parent.root.context().registry().list();
            PrintWriter out = spec.commandLine().getOut();
            if (accounts.isEmpty()) {
                out.println("The registry is empty. Add accounts with: wardwatch accounts import config/accounts.yaml");
                return 0;
            }
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"ID", "ORG", "ACCOUNT", "KIND", "SERVICE", "PLATFORM", "HANDLE", "ACTIVE",
                    "LAST SUCCESS", "POSTS", "SKIPPED", "NEXT RUN", "LAST ERROR"});
            for (AccountStatus s : accounts) {
                if (errorsOnly && s.health().lastError() == null) continue;
                var a = s.account();
                rows.add(new String[] {String.valueOf(a.id()), a.organisationOds(),
                        a.name(), a.kind().id(), dash(a.serviceType()), a.platform().id(), a.handle(),
                        a.active() ? "yes" : "no", time(s.health().lastSuccessAt()),
                        String.valueOf(s.health().postsSeen()), String.valueOf(s.health().lastSkipped()),
                        time(s.health().nextRunAt()),
                        dash(s.health().lastError())});
            }
            Table.print(out, rows);
            return 0;
        }

        private static String time(Instant t) {
            return t == null ? "-" : TIME.format(t);
        }

        private static String dash(String s) {
            return s == null ? "-" : s;
        }
    }
}
