package org.wardwatch.core.crypto;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.wardwatch.core.files.OwnerOnly;
import org.wardwatch.core.media.MediaVault;
import org.wardwatch.core.store.Database;

/**
 * {@code wardwatch keys rotate}: moves every stored image and every stored content value to a new
 * key. The steps are ordered so that a crash anywhere loses nothing and running the command again
 * finishes the work:
 * <ol>
 * <li>the old key is copied to a dated backup beside the key file, and the new key is written to
 * {@code media.key.next}, both owner-only and on disk before anything is encrypted with the new key;</li>
 * <li>the database records the rotation: from now on every other start refuses until it is done;</li>
 * <li>each image is re-encrypted and replaced in one atomic move (one that opens under the new key is
 * done);</li>
 * <li>each content value is re-encrypted ({@link ContentSweep}: one under the new key's prefix is done);</li>
 * <li>the new key replaces the key file (an atomic rename), the database records it as the key, and
 * the backup of the old key is deleted.</li>
 * </ol>
 * A rerun finds the two keys by their fingerprints among the key file, the next file and the backups.
 */
public final class KeyRotation {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    /** Told how far the rotation is; a failure thrown from here stops it as a crash would. */
    public interface Progress {
        void images(int done, int total);

        void texts(ContentColumn column, long done);

        /** The new key is now the key file; the database has not yet recorded it. */
        default void keySwitched() {
        }
    }

    /**
     * @param resumed whether this run finished one that had stopped
     * @param backup  the old key's backup, deleted at the end
     */
    public record Summary(String from, String to, int images, long texts, boolean resumed, Path backup) {
    }

    private final Database db;
    private final KeyRecord record;
    private final Path keyFile;
    private final Path dataDir;
    private final Map<String, String> env;
    private final Clock clock;

    public KeyRotation(Database db, KeyRecord record, Path keyFile, Path dataDir, Map<String, String> env, Clock clock) {
        this.db = db;
        this.record = record;
        this.keyFile = keyFile;
        this.dataDir = dataDir;
        this.env = env;
        this.clock = clock;
    }

    private record Keys(MasterKey old, MasterKey next, boolean resumed) {
    }

    /** @throws KeyException with one line saying what stops the rotation and what to do */
    public Summary run(Progress progress) {
        if (MasterKey.fromEnvironment(env)) {
            throw new KeyException("keys rotate: the key comes from " + MasterKey.ENV + ", which WardWatch cannot rewrite; "
                    + "put it in the key file " + keyFile + ", unset " + MasterKey.ENV + " and rotate again");
        }
        if (db.usedByOtherProcesses()) {
            throw new KeyException("keys rotate: another WardWatch process is using the database (serve, or a command "
                    + "beside it); stop it first, so that nothing is written under the old key meanwhile");
        }
        KeyRecord.State state = record.read()
                .orElseThrow(() -> new KeyException("keys rotate: this database has no key yet, so there is nothing to rotate"));
        Keys keys = state.rotating() ? resume(state) : begin(state);
        String from = state.fingerprint();
        String to = KeyFingerprint.of(keys.next());

        int images = reencryptImages(keys, progress);
        long texts = reencryptTexts(keys, progress);

        try {
            if (!keys.next().equals(MasterKey.read(keyFile))) {
                Files.move(MasterKey.nextFile(keyFile), keyFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new KeyException("keys rotate: cannot put the new key in place of " + keyFile + " (" + e.getMessage()
                    + "); run it again");
        }
        progress.keySwitched();
        record.finishRotation(to);
        Path backup = null;
        for (Path candidate : backups()) {
            if (keys.old() != null && keys.old().equals(readOrNull(candidate))) {
                backup = candidate;
                deleteQuietly(candidate);
            }
        }
        deleteQuietly(MasterKey.nextFile(keyFile));
        return new Summary(from, to, images, texts, keys.resumed(), backup);
    }

    private Keys begin(KeyRecord.State state) {
        MasterKey old = MasterKey.read(keyFile);
        if (!KeyFingerprint.of(old).equals(state.fingerprint())) {
            throw new KeyException("keys rotate: " + keyFile + " is not the key this database is encrypted with; restore the right key first");
        }
        try {
            backup(old);
            // a next key left by a run that stopped before the database recorded it encrypts nothing: replace it
            Files.deleteIfExists(MasterKey.nextFile(keyFile));
            MasterKey next = MasterKey.generate("new key").writeNew(MasterKey.nextFile(keyFile));
            if (!record.startRotation(state.fingerprint(), KeyFingerprint.of(next))) {
                throw new KeyException("keys rotate: another rotation started at the same moment; run it again when it is done");
            }
            return new Keys(old, next, false);
        } catch (IOException e) {
            throw new KeyException("keys rotate: cannot write the keys beside " + keyFile + " (" + e.getMessage() + ")");
        }
    }

    private void backup(MasterKey old) throws IOException {
        String stamp = STAMP.format(clock.instant());
        for (int n = 1; ; n++) {
            Path backup = keyFile.resolveSibling(keyFile.getFileName() + "." + stamp + (n == 1 ? "" : "-" + n) + ".bak");
            try {
                OwnerOnly.create(backup, Files.readAllBytes(keyFile));
                return;
            } catch (FileAlreadyExistsException taken) {
                if (old.equals(readOrNull(backup))) return;
            }
        }
    }

    private Keys resume(KeyRecord.State state) {
        MasterKey old = null;
        MasterKey next = null;
        List<Path> candidates = new ArrayList<>(List.of(keyFile, MasterKey.nextFile(keyFile)));
        candidates.addAll(backups());
        for (Path p : candidates) {
            MasterKey k = readOrNull(p);
            if (k == null) continue;
            String fp = KeyFingerprint.of(k);
            if (old == null && fp.equals(state.fingerprint())) old = k;
            if (next == null && fp.equals(state.next())) next = k;
        }
        if (next == null) {
            throw new KeyException("keys rotate: the new key (fingerprint " + state.next() + ") is missing: "
                    + MasterKey.nextFile(keyFile) + " was removed during the rotation; restore it from your backup and run it again");
        }
        return new Keys(old, next, true);
    }

    private int reencryptImages(Keys keys, Progress progress) {
        MediaVault to = new MediaVault(dataDir, keys.next().bytes());
        MediaVault from = keys.old() == null ? null : new MediaVault(dataDir, keys.old().bytes());
        List<String> files;
        try {
            files = MediaVault.storedFiles(dataDir);
        } catch (IOException e) {
            throw new KeyException("keys rotate: cannot list the images in " + dataDir.resolve("media") + " (" + e.getMessage() + ")");
        }
        int rotated = 0;
        for (int i = 0; i < files.size(); i++) {
            String f = files.get(i);
            try {
                if (from == null) {
                    if (!to.opens(f)) throw new IOException("it is not under the new key, and the old key is missing");
                } else if (to.reencrypt(f, from)) {
                    rotated++;
                }
            } catch (IOException e) {
                throw new KeyException("keys rotate: image " + f + " cannot be re-encrypted (" + e.getMessage() + ")");
            }
            progress.images(i + 1, files.size());
        }
        return rotated;
    }

    private long reencryptTexts(Keys keys, Progress progress) {
        ContentCipher to = new ContentCipher(keys.next());
        ContentSweep sweep = new ContentSweep(db.jdbi(), to, keys.old() == null ? null : new ContentCipher(keys.old()));
        if (keys.old() == null && sweep.remaining() > 0) {
            throw new KeyException("keys rotate: the old key is missing and " + sweep.remaining()
                    + " stored texts are still under it; restore the old key file from your backup and run it again");
        }
        long n = sweep.run(progress::texts);
        long left = sweep.remaining();
        if (left > 0) {
            throw new KeyException("keys rotate: " + left + " stored texts were written under the old key meanwhile; run it again");
        }
        return n;
    }

    /** Backups of keys beside the key file, newest first. */
    private List<Path> backups() {
        Path dir = keyFile.toAbsolutePath().getParent();
        String prefix = keyFile.getFileName() + ".";
        try (var files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().startsWith(prefix) && p.getFileName().toString().endsWith(".bak"))
                    .sorted(java.util.Comparator.reverseOrder()).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static MasterKey readOrNull(Path p) {
        if (!Files.isRegularFile(p)) return null;
        try {
            return MasterKey.read(p);
        } catch (KeyException unreadable) {
            return null;
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // a leftover file holds only a key no data is under any more
        }
    }
}
