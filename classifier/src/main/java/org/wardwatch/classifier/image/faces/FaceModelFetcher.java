package org.wardwatch.classifier.image.faces;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Downloads the YuNet model once from a pinned URL into the data directory and keeps it only when its
 * sha256 is the pinned one, so a moved, truncated or tampered file is never loaded.
 */
public final class FaceModelFetcher {
    public static final String FILE_NAME = "face_detection_yunet_2023mar.onnx";
    public static final String URL =
            "https://github.com/opencv/opencv_zoo/raw/main/models/face_detection_yunet/face_detection_yunet_2023mar.onnx";
    public static final String SHA256 = "8f2383e4dd3cfbb4553ea8718107fc0423210dc964f9f4280604804ed2552fa4";
    /** The real file is 232 KB; anything much larger is not it. */
    private static final long MAX_BYTES = 4L * 1024 * 1024;

    private final OkHttpClient http;
    private final String url;
    private final String sha256;

    public FaceModelFetcher(OkHttpClient http) {
        this(http, URL, SHA256);
    }

    public FaceModelFetcher(OkHttpClient http, String url, String sha256) {
        this.http = http;
        this.url = url;
        this.sha256 = sha256;
    }

    /**
     * The model in {@code dir}, fetched first when absent or wrong.
     *
     * @throws IOException with a one-line reason when it cannot be fetched or its hash does not match
     */
    public Path fetchInto(Path dir) throws IOException {
        Path target = dir.resolve(FILE_NAME);
        if (Files.isRegularFile(target) && sha256Of(Files.readAllBytes(target)).equals(sha256)) return target;
        Files.createDirectories(dir);
        Request request = new Request.Builder().url(url).build();
        byte[] bytes;
        try (Response response = http.newCall(request).execute()) {
            if (!response.isSuccessful()) throw new IOException("fetching " + url + ": HTTP " + response.code());
            ResponseBody body = response.body();
            if (body == null) throw new IOException("fetching " + url + ": empty response");
            try (InputStream in = body.byteStream()) {
                bytes = in.readNBytes((int) MAX_BYTES + 1);
            }
        }
        if (bytes.length > MAX_BYTES) throw new IOException("fetching " + url + ": larger than " + MAX_BYTES + " bytes");
        String actual = sha256Of(bytes);
        if (!actual.equals(sha256)) {
            throw new IOException("fetching " + url + ": sha256 " + actual + " is not the pinned " + sha256);
        }
        Path tmp = Files.createTempFile(dir, FILE_NAME, ".part");
        Files.write(tmp, bytes);
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return target;
    }

    public static String sha256Of(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
