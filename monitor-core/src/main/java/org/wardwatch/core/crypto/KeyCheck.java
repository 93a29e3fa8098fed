package org.wardwatch.core.crypto;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wardwatch.core.media.MediaVault;

/**
 * Settles, before anything is read or written, which key this installation uses. The key must be the
 * one the database records (by fingerprint); a key that is missing while anything is encrypted, or
 * that is another key, stops the start with one line saying which key and what to do, because going
 * on would hide every image and caption (and a new key would encrypt new data under a second key).
 * A new key is made only when nothing encrypted exists yet.
 */
public final class KeyCheck {
    private static final Logger log = LoggerFactory.getLogger(KeyCheck.class);

    private final Jdbi jdbi;
    private final KeyRecord record;
    private final Path keyFile;
    private final Path dataDir;
    private final Map<String, String> env;

    /**
     * @param dataDir the folder whose {@code media/} holds the encrypted images
     * @param env     the environment ({@link MasterKey#ENV} overrides the key file)
     */
    public KeyCheck(Jdbi jdbi, KeyRecord record, Path keyFile, Path dataDir, Map<String, String> env) {
        this.jdbi = jdbi;
        this.record = record;
        this.keyFile = keyFile;
        this.dataDir = dataDir;
        this.env = env;
    }

    /** @throws KeyException when the key is missing or wrong, or a rotation is unfinished */
    public MasterKey resolve() {
        Optional<KeyRecord.State> state = record.read();
        if (state.isPresent() && state.get().rotating()) {
            throw new KeyException("a key rotation was interrupted: run 'wardwatch keys rotate' to finish it before anything else ("
                    + keyFile + " and " + MasterKey.nextFile(keyFile) + " hold the two keys)");
        }
        Optional<MasterKey> found = MasterKey.find(keyFile, env);
        if (found.isEmpty()) return create(state);
        MasterKey key = found.get();
        String fingerprint = KeyFingerprint.of(key);
        if (state.isPresent()) {
            if (!state.get().fingerprint().equals(fingerprint)) {
                throw new KeyException("media key " + key.source() + " (fingerprint " + fingerprint + ") is not the key this "
                        + "database is encrypted with (fingerprint " + state.get().fingerprint() + "): restore the right key "
                        + where() + " from your backup; WardWatch does not start with another key");
            }
            return key;
        }
        // a database from before keys were recorded, or a new one: the stored images tell whether it is theirs
        Optional<String> image = MediaVault.anyStored(dataDir);
        if (image.isPresent() && !new MediaVault(dataDir, key.bytes()).opens(image.get())) {
            throw new KeyException("media key " + key.source() + " does not open the stored images (" + image.get()
                    + "): it is not their key; restore the right key " + where() + " from your backup");
        }
        if (!record.create(fingerprint)) return resolve(); // another process recorded a key a moment ago
        return key;
    }

    private MasterKey create(Optional<KeyRecord.State> state) {
        if (MediaVault.anyStored(dataDir).isPresent() || encryptedContentExists()) {
            throw new KeyException("media key missing: " + keyFile + " does not exist and " + MasterKey.ENV + " is not set, but "
                    + "the images and texts in " + dataDir + " are encrypted" + state.map(s -> " under key " + s.fingerprint()).orElse("")
                    + "; restore the key file from your backup (WardWatch never makes a new key over encrypted data)");
        }
        MasterKey key;
        try {
            key = MasterKey.generate(keyFile.toString()).writeNew(keyFile);
        } catch (FileAlreadyExistsException raced) {
            return resolve(); // another process made the key a moment ago: use that one
        } catch (IOException e) {
            throw new KeyException(keyFile + ": cannot write a new media key (" + e.getMessage() + ")");
        }
        String fingerprint = KeyFingerprint.of(key);
        if (state.isPresent()) {
            log.warn("media key {} was missing and nothing was encrypted under key {}: made a new key {}; back it up",
                    keyFile, state.get().fingerprint(), fingerprint);
            record.replace(fingerprint);
        } else if (!record.create(fingerprint)) {
            return resolve();
        }
        return key;
    }

    private String where() {
        return MasterKey.fromEnvironment(env) ? "(" + MasterKey.ENV + ")" : "file " + keyFile;
    }

    private boolean encryptedContentExists() {
        for (ContentColumn c : ContentColumn.values()) {
            boolean any = jdbi.withHandle(h -> h.createQuery("SELECT 1 FROM " + c.table() + " WHERE " + c.column()
                    + " LIKE :p FETCH FIRST 1 ROWS ONLY").bind("p", ContentCipher.anyKeyPrefix() + "%").mapTo(Integer.class)
                    .findOne().isPresent());
            if (any) return true;
        }
        return false;
    }
}
