package org.wardwatch.dashboard.review;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The images the dashboard may show. By default only a blurred rendition, made on the server from
 * the decrypted original and kept in memory only; for an audited reveal, a re-encoded rendition of
 * bounded size. The stored bytes never leave this class. Without a blurring step nothing but a
 * placeholder is shown.
 */
public final class Images {
    /** Reads the decrypted original of a stored media file. */
    public interface Vault {
        byte[] read(String filePath) throws IOException;
    }

    /** Makes a blurred JPEG no wider than maxWidth from an original image. */
    public interface Blur {
        byte[] blur(byte[] original, int maxWidth) throws IOException;
    }

    /** Decodes an original and writes it anew as a JPEG no longer than maxSide on either side. */
    public interface Reencode {
        byte[] jpeg(byte[] original, int maxSide) throws IOException;
    }

    /** An image that cannot be revealed, with the one-line reason. */
    public static final class Unrevealable extends Exception {
        public Unrevealable(String message) {
            super(message);
        }
    }

    /** The longer side of a revealed image: enough to judge a photo on a screen, small enough to bound memory. */
    public static final int REVEAL_MAX_SIDE = 2048;

    private final Vault vault;
    private final Blur blur;
    private final Reencode reencode;
    private final Map<String, byte[]> cache = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
            return size() > 300;
        }
    };

    /**
     * @param blur null when no blurring is available: every image is then a placeholder
     * @param reencode null when no decoder is available: nothing can then be revealed
     */
    public Images(Vault vault, Blur blur, Reencode reencode) {
        this.vault = vault;
        this.blur = blur;
        this.reencode = reencode;
    }

    public Optional<byte[]> blurred(CaseStore.MediaOwner media, int maxWidth) {
        if (blur == null || vault == null || !media.available()) return Optional.empty();
        String key = media.mediaId() + ":" + maxWidth;
        synchronized (cache) {
            byte[] hit = cache.get(key);
            if (hit != null) return Optional.of(hit);
        }
        try {
            byte[] out = blur.blur(vault.read(media.filePath()), maxWidth);
            synchronized (cache) {
                cache.put(key, out);
            }
            return Optional.of(out);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The original as a reveal shows it: decoded, at most {@link #REVEAL_MAX_SIDE} pixels long, re-encoded as JPEG. */
    public byte[] revealed(CaseStore.MediaOwner media) throws Unrevealable {
        if (vault == null || !media.available()) throw new Unrevealable("the original of this image is no longer held");
        if (reencode == null) throw new Unrevealable("this installation cannot decode images, so none can be revealed");
        byte[] original;
        try {
            original = vault.read(media.filePath());
        } catch (IOException e) {
            throw new Unrevealable("the stored image could not be read: " + e.getMessage());
        }
        try {
            return reencode.jpeg(original, REVEAL_MAX_SIDE);
        } catch (IOException | RuntimeException e) {
            throw new Unrevealable("the stored image cannot be decoded safely (" + e.getMessage() + "), so it is not shown");
        }
    }

    public boolean blurring() {
        return blur != null && vault != null;
    }

    /** A neutral stand-in when there is nothing safe to show. */
    public static String placeholderSvg(String words) {
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 160 120\" width=\"160\" height=\"120\">"
                + "<rect width=\"160\" height=\"120\" fill=\"#d9dde3\"/>"
                + "<path d=\"M52 82 L72 58 L86 74 L96 64 L112 82 Z\" fill=\"#b3bac4\"/><circle cx=\"100\" cy=\"46\" r=\"7\" fill=\"#b3bac4\"/>"
                + "<text x=\"80\" y=\"104\" font-family=\"sans-serif\" font-size=\"11\" text-anchor=\"middle\" fill=\"#4a5360\">"
                + words + "</text></svg>";
    }
}
