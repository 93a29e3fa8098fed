package org.wardwatch.classifier.image.faces;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wardwatch.core.testing.SharedData;

import com.github.tomakehurst.wiremock.WireMockServer;

import okhttp3.OkHttpClient;

class FaceModelFetcherTest {
    private static final String PATH = "/opencv_zoo/models/face_detection_yunet/face_detection_yunet_2023mar.onnx";

    private WireMockServer server;

    @TempDir
    Path dataDir;

    @BeforeEach
    void start() {
        server = new WireMockServer(wireMockConfig().dynamicPort());
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private FaceModelFetcher fetcher() {
        return new FaceModelFetcher(new OkHttpClient(), server.baseUrl() + PATH, FaceModelFetcher.SHA256);
    }

    @Test
    void fetchesThePinnedModelOnceAndKeepsItInTheDataDirectory() throws IOException {
        byte[] model = Files.readAllBytes(SharedData.require("models/yunet/face_detection_yunet_2023mar.onnx"));
        server.stubFor(get(urlEqualTo(PATH)).willReturn(aResponse().withStatus(200).withBody(model)));

        Path first = fetcher().fetchInto(dataDir.resolve("models"));
        Path second = fetcher().fetchInto(dataDir.resolve("models"));

        assertThat(first).isEqualTo(dataDir.resolve("models").resolve(FaceModelFetcher.FILE_NAME)).isEqualTo(second);
        assertThat(FaceModelFetcher.sha256Of(Files.readAllBytes(first))).isEqualTo(FaceModelFetcher.SHA256);
        server.verify(1, getRequestedFor(urlEqualTo(PATH)));
        assertThat(new YuNetFaceDetector(first, 0.6f, 1024).name()).startsWith("yunet");
    }

    @Test
    void refusesAFileWhoseHashIsNotThePinnedOneAndLeavesNothingBehind() {
        server.stubFor(get(urlEqualTo(PATH)).willReturn(aResponse().withStatus(200).withBody("not the model".getBytes())));

        assertThatThrownBy(() -> fetcher().fetchInto(dataDir))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("sha256")
                .hasMessageContaining(FaceModelFetcher.SHA256);
        assertThat(dataDir.resolve(FaceModelFetcher.FILE_NAME)).doesNotExist();
    }

    @Test
    void aFailedFetchFallsBackToTheCascadesSayingSoOnce() {
        server.stubFor(get(urlEqualTo(PATH)).willReturn(aResponse().withStatus(404)));
        List<String> notices = new ArrayList<>();

        FaceDetector chosen = FaceDetectors.choose(null, dataDir, fetcher(), notices::add);

        assertThat(chosen).isInstanceOf(CascadeFaceDetector.class);
        assertThat(notices).hasSize(1);
        assertThat(notices.get(0)).contains("HTTP 404").contains("cascades");
    }

    @Test
    void anExplicitModelThatDoesNotExistIsAnErrorNotASilentFallback() {
        assertThatThrownBy(() -> FaceDetectors.choose(dataDir.resolve("missing.onnx"), dataDir, fetcher(), m -> { }))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("missing.onnx");
    }
}
