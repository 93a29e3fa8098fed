package org.wardwatch.dashboard.review;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The images the dashboard may show. By default only a blurred rendition, made on the server from
 * the decrypted original and kept in memory only; the original itself leaves this class only for an
 * audited reveal. Without a blurring step nothing but a placeholder is shown.
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

    private final Vault vault;
    private final Blur blur;
    private final Map<String, byte[]> cache = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
            return size() > 300;
        }
    };

    /** @param blur null when no blurring is available: every image is then a placeholder */
    public Images(Vault vault, Blur blur) {
        this.vault = vault;
        this.blur = blur;
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

    public byte[] original(CaseStore.MediaOwner media) throws IOException {
        if (vault == null || !media.available()) throw new IOException("the original of media " + media.mediaId() + " is not held");
        return vault.read(media.filePath());
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
