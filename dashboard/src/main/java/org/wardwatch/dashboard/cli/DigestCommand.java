package org.wardwatch.dashboard.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.wardwatch.core.digest.Digest;
import org.wardwatch.core.files.OwnerOnly;
import org.wardwatch.core.digest.DigestOrganisation;
import org.wardwatch.core.digest.DigestOutcome;
import org.wardwatch.core.digest.DigestOutcome.Status;
import org.wardwatch.core.digest.DigestSender;
import org.wardwatch.core.digest.IsoWeek;
import org.wardwatch.core.digest.RenderedDigest;
import org.wardwatch.core.registry.RegistryReader;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code wardwatch digest --preview | --send [--org ODS] [--week 2026-W47]}: shows or sends the
 * weekly digest. Without --week it is the last complete week, the one Monday's scheduled run sends.
 */
@Command(name = "digest", description = {"Preview or send the weekly email digest to comms leads.",
        "--preview prints each organisation's text part and writes its HTML part to a file;",
        "--send sends now, at most once per organisation, recipient and week (a repeat sends nothing)."})
final class DigestCommand implements Callable<Integer> {
    @ParentCommand
    WardWatch root;
    @Spec
    CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Mode mode;

    static final class Mode {
        @Option(names = "--preview", required = true, description = "Print the digest; send nothing.")
        boolean preview;
        @Option(names = "--send", required = true, description = "Send the digest now.")
        boolean send;
    }

    @Option(names = "--org", paramLabel = "ODS", description = "Only this organisation (ODS code).")
    String org;

    @Option(names = "--week", paramLabel = "YYYY-Www", converter = WeekConverter.class,
            description = "The ISO week reported on, e.g. 2026-W47 (default: the last complete week).")
    IsoWeek week;

    @Option(names = "--html-dir", paramLabel = "DIR",
            description = "Where --preview writes the HTML parts (default: <data>/digest-preview).")
    Path htmlDir;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        DigestSender sender = root.context().digestSender();
        IsoWeek reported = week != null ? week
                : IsoWeek.lastCompleteBefore(root.context().clock().instant(), sender.builder().zone());
        List<DigestOrganisation> organisations = organisations(sender);
        if (organisations.isEmpty()) {
            Path sample = sampleRegistry();
            if (mode.send || sample == null) {
                out.println("The registry is empty: no organisation to write a digest for. "
                        + "Add organisations with: wardwatch accounts import config/accounts.yaml");
                return 0;
            }
            // a fresh installation: show what the sample organisations would get, without importing them
            out.println("The registry is empty; previewing the organisations in " + sample
                    + " (not imported: wardwatch accounts import " + sample + ").");
            out.println();
            organisations = RegistryReader.read(sample).organisations().stream()
                    .filter(o -> org == null || o.odsCode().equalsIgnoreCase(org))
                    .map(o -> new DigestOrganisation(-1, o.name(), o.odsCode(), o.commsEmail(), o.extraRecipients()))
                    .toList();
            if (organisations.isEmpty()) {
                throw new IllegalArgumentException("--org " + org + ": no organisation with that ODS code in " + sample);
            }
        }
        return mode.preview ? preview(sender, organisations, reported, out, err) : send(sender, organisations, reported, out, err);
    }

    /** The sample registry beside the configuration file, if there is one. */
    private Path sampleRegistry() {
        Path dir = root.config.toAbsolutePath().getParent();
        Path sample = dir == null ? null : dir.resolve("accounts.yaml");
        return sample != null && Files.isRegularFile(sample) ? root.config.resolveSibling("accounts.yaml") : null;
    }

    private List<DigestOrganisation> organisations(DigestSender sender) {
        if (org == null) return sender.builder().organisations();
        if (sender.builder().organisations().isEmpty()) return List.of();
        return List.of(sender.builder().organisation(org).orElseThrow(() ->
                new IllegalArgumentException("--org " + org + ": no organisation with that ODS code in the registry")));
    }

    private int preview(DigestSender sender, List<DigestOrganisation> organisations, IsoWeek reported,
                        PrintWriter out, PrintWriter err) throws Exception {
        Path dir = htmlDir != null ? htmlDir : root.context().dataDir().resolve("digest-preview");
        OwnerOnly.directories(dir);
        boolean first = true;
        for (DigestOrganisation o : organisations) {
            Digest digest = sender.builder().build(o, reported);
            RenderedDigest rendered = sender.renderer().render(digest);
            Path html = dir.resolve(o.odsCode().replaceAll("[^A-Za-z0-9_-]", "_") + "-" + reported + ".html");
            OwnerOnly.write(html, rendered.html().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            if (!first) out.println("=".repeat(72));
            first = false;
            List<String> recipients = sender.recipients(o);
            out.println("To: " + (recipients.isEmpty() ? "(no recipient: set commsEmail for " + o.odsCode() + ")"
                    : String.join(", ", recipients)));
            out.println("Subject: " + rendered.subject());
            out.println();
            out.print(rendered.text());
            out.flush();
            err.println("HTML part: " + html);
        }
        return 0;
    }

    private int send(DigestSender sender, List<DigestOrganisation> organisations, IsoWeek reported,
                     PrintWriter out, PrintWriter err) {
        List<DigestOutcome> outcomes = sender.send(reported, organisations);
        for (DigestOutcome o : outcomes) {
            (o.status() == Status.FAILED ? err : out).println(o.describe());
        }
        long sent = outcomes.stream().filter(o -> o.status() == Status.SENT).count();
        long already = outcomes.stream().filter(o -> o.status() == Status.ALREADY_SENT).count();
        long failed = outcomes.stream().filter(o -> o.status() == Status.FAILED).count();
        out.println("digest " + reported + ": " + sent + " sent, " + already + " already sent, " + failed + " failed"
                + (failed > 0 ? " (recorded; the next scheduled run or --send tries them again)" : ""));
        return failed > 0 ? 1 : 0;
    }

    static final class WeekConverter implements ITypeConverter<IsoWeek> {
        @Override
        public IsoWeek convert(String value) {
            try {
                return IsoWeek.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
