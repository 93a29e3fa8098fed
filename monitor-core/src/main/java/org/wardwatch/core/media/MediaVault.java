package org.wardwatch.core.media;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.wardwatch.core.files.OwnerOnly;

/**
 * Images at rest, encrypted with AES-256-GCM. Files are named by the SHA-256 of the plain image, so
 * an image shared by several posts is stored once; the hash is also the GCM associated data, so a
 * file renamed or swapped for another fails to open. The key ({@code MasterKey}) never goes into the
 * database.
 *
 * <p>File layout: {@code WWM1} magic, 12-byte nonce, ciphertext with its 16-byte tag.
 */
public final class MediaVault {
    private static final byte[] MAGIC = "WWM1".getBytes(StandardCharsets.US_ASCII);
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final Path root;
    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();

    public MediaVault(Path root, byte[] key) {
        if (key.length != 32) throw new IllegalArgumentException("media key must be 32 bytes, got " + key.length);
        this.root = root;
        this.key = new SecretKeySpec(key.clone(), "AES");
    }

    public static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(data));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Encrypts and stores the image unless the same image is already stored; returns its path relative to the vault. */
    public String store(byte[] image, String sha256) throws IOException {
        String relative = "media/" + sha256.substring(0, 2) + "/" + sha256.substring(2, 4) + "/" + sha256 + ".enc";
        Path file = root.resolve(relative);
        if (Files.exists(file)) return relative;
        OwnerOnly.directories(file.getParent());
        Path tmp = Files.createTempFile(file.getParent(), sha256, ".tmp");
        Files.write(tmp, seal(image, sha256));
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return relative;
    }

    private byte[] seal(byte[] image, String sha256) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] sealed;
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(sha256.getBytes(StandardCharsets.US_ASCII));
            sealed = cipher.doFinal(image);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
        return ByteBuffer.allocate(MAGIC.length + NONCE_BYTES + sealed.length).put(MAGIC).put(nonce).put(sealed).array();
    }

    /** Decrypts a stored image; fails when the file was altered, swapped or the key is wrong. */
    public byte[] read(String relative) throws IOException {
        byte[] all = Files.readAllBytes(root.resolve(relative));
        if (all.length < MAGIC.length + NONCE_BYTES + TAG_BITS / 8 || !Arrays.equals(all, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new IOException(relative + ": not a WardWatch media file");
        }
        String name = Path.of(relative).getFileName().toString();
        String sha = name.endsWith(".enc") ? name.substring(0, name.length() - 4) : name;
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, MAGIC.length, NONCE_BYTES));
            cipher.updateAAD(sha.getBytes(StandardCharsets.US_ASCII));
            return cipher.doFinal(all, MAGIC.length + NONCE_BYTES, all.length - MAGIC.length - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IOException(relative + ": cannot be decrypted (wrong key or altered file)");
        }
    }

    /** Whether this vault's key opens a stored image (a key check reads one before trusting a key). */
    public boolean opens(String relative) {
        try {
            read(relative);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Re-encrypts a stored image under this vault's key, reading it with {@code from}'s. The new file
     * replaces the old in one atomic move, so a crash leaves one or the other, whole.
     *
     * @return false when the image is under this key already
     */
    public boolean reencrypt(String relative, MediaVault from) throws IOException {
        if (opens(relative)) return false;
        byte[] image = from.read(relative);
        Path file = root.resolve(relative);
        String name = file.getFileName().toString();
        String sha = name.endsWith(".enc") ? name.substring(0, name.length() - 4) : name;
        Path tmp = Files.createTempFile(file.getParent(), sha, ".tmp");
        Files.write(tmp, seal(image, sha));
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return true;
    }

    /** Every stored image under a vault root, as paths relative to it ({@code media/ab/cd/<sha>.enc}). */
    public static List<String> storedFiles(Path root) throws IOException {
        Path media = root.resolve("media");
        if (!Files.isDirectory(media)) return List.of();
        try (var files = Files.walk(media)) {
            return files.filter(f -> Files.isRegularFile(f) && f.getFileName().toString().endsWith(".enc"))
                    .map(f -> root.relativize(f).toString().replace('\\', '/')).sorted().toList();
        }
    }

    /** One stored image under a vault root, if any is stored. */
    public static Optional<String> anyStored(Path root) {
        Path media = root.resolve("media");
        if (!Files.isDirectory(media)) return Optional.empty();
        try (var files = Files.walk(media)) {
            return files.filter(f -> Files.isRegularFile(f) && f.getFileName().toString().endsWith(".enc"))
                    .map(f -> root.relativize(f).toString().replace('\\', '/')).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Removes a stored image (retention purge). */
    public boolean delete(String relative) throws IOException {
        return Files.deleteIfExists(root.resolve(relative));
    }

    public Path root() {
        return root;
    }
}
