package org.interestlab.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.interestlab.UserException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Downloads for real, over HTTP on the loopback interface, from a server the test starts. */
class DatasetStoreTest {
  // sha256 of "alpha\n", "beta\n" and "gamma\n", computed with sha256sum(1).
  static final String ALPHA = "b6a98d9ce9a2d9149288fa3df42d377c3e42737afdcdaf714e33c0a100b51060";
  static final String BETA = "f2c82decdd7181cf98945929a62598db7e6b477e11f6e0eb0ae97020eff151ad";
  static final String GAMMA = "ae9a6306a205417afddd14316cc1d0d5e04a98f1be10865dce643925ee070ce2";

  @TempDir Path cache;
  HttpServer server;
  final AtomicInteger requests = new AtomicInteger();
  String base;

  @BeforeEach
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    byte[] zip = zip(Map.of("toy/a.txt", "alpha\n", "toy/b.txt", "beta\n", "toy/README", "read me\n",
        "toy/unused.txt", "not listed\n"));
    server.createContext("/toy.zip", ex -> {
      requests.incrementAndGet();
      ex.sendResponseHeaders(200, zip.length);
      try (OutputStream out = ex.getResponseBody()) {
        out.write(zip);
      }
    });
    byte[] gz = gzip("gamma\n");
    server.createContext("/files/", ex -> {
      requests.incrementAndGet();
      if (!ex.getRequestURI().getPath().equals("/files/g_Green_5.txt.gz")) {
        ex.sendResponseHeaders(404, -1);
        ex.close();
        return;
      }
      ex.sendResponseHeaders(200, gz.length);
      try (OutputStream out = ex.getResponseBody()) {
        out.write(gz);
      }
    });
    server.start();
    base = "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  static byte[] zip(Map<String, String> entries) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(bytes)) {
      for (String name : entries.keySet().stream().sorted().toList()) {
        z.putNextEntry(new ZipEntry(name));
        z.write(entries.get(name).getBytes(StandardCharsets.UTF_8));
        z.closeEntry();
      }
    }
    return bytes.toByteArray();
  }

  static byte[] gzip(String text) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream z = new GZIPOutputStream(bytes)) {
      z.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return bytes.toByteArray();
  }

  DatasetCatalog catalog(String url, String shaA, String shaB) {
    return DatasetCatalog.parse("""
        datasets:
          - name: toy
            url: %s
            archive: zip
            archive_folder: toy
            files:
              - { name: a.txt, sha256: %s }
              - { name: b.txt, sha256: %s }
              - { name: README, optional: true }
          - name: green
            url: %s/files/g_{category}_5.txt.gz
            archive: file
            parameters:
              category: { pattern: "[A-Za-z]+", example: Green }
            files:
              - { name: "g_{category}_5.txt.gz" }
        """.formatted(url, shaA, shaB, base), "test catalogue");
  }

  DatasetStore store(String url, String shaA, String shaB) {
    return DatasetStore.of(cache, catalog(url, shaA, shaB)).offline(false);
  }

  @Test
  void downloadsExtractsVerifiesAndThenServesFromCache() throws IOException {
    DatasetStore store = store(base + "/toy.zip", ALPHA, BETA);
    Path folder = store.ensure("toy", Map.of());
    assertThat(folder).isEqualTo(cache.resolve("toy"));
    assertThat(Files.readString(folder.resolve("a.txt"))).isEqualTo("alpha\n");
    assertThat(Files.readString(folder.resolve("b.txt"))).isEqualTo("beta\n");
    assertThat(Files.readString(folder.resolve("README"))).isEqualTo("read me\n");
    try (Stream<Path> s = Files.list(folder)) {
      // No temporary files left behind, and unlisted archive members are not extracted.
      assertThat(s.map(p -> p.getFileName().toString()).sorted().toList()).containsExactly("README", "a.txt", "b.txt");
    }
    assertThat(requests.get()).isEqualTo(1);
    store.ensure("toy", Map.of());
    assertThat(requests.get()).isEqualTo(1);

    DatasetStore.Verification v = store.verify("toy");
    assertThat(v.ok()).isTrue();
    assertThat(v.files()).extracting(DatasetStore.FileCheck::status)
        .containsExactly(DatasetStore.Status.OK, DatasetStore.Status.OK, DatasetStore.Status.NO_HASH);

    Files.writeString(folder.resolve("b.txt"), "gamma\n");
    Files.delete(folder.resolve("README"));
    v = store.verify("toy");
    assertThat(v.ok()).isFalse();
    assertThat(v.files().get(1)).isEqualTo(
        new DatasetStore.FileCheck("b.txt", folder.resolve("b.txt"), DatasetStore.Status.MISMATCH, BETA, GAMMA));
    assertThat(v.files().get(2).status()).isEqualTo(DatasetStore.Status.ABSENT_OPTIONAL);
    assertThat(v.describe()).contains("MISMATCH  b.txt  expected sha256 " + BETA + ", actual " + GAMMA);
  }

  @Test
  void onlyMissingFilesAreFetchedAndPresentOnesKept() throws IOException {
    Path folder = Files.createDirectories(cache.resolve("toy"));
    Files.writeString(folder.resolve("a.txt"), "kept as the user left it\n");
    store(base + "/toy.zip", ALPHA, BETA).ensure("toy", Map.of());
    assertThat(Files.readString(folder.resolve("a.txt"))).isEqualTo("kept as the user left it\n");
    assertThat(Files.readString(folder.resolve("b.txt"))).isEqualTo("beta\n");
    assertThat(requests.get()).isEqualTo(1);
  }

  @Test
  void shaMismatchNamesFileAndBothHashesAndWritesNothing() throws IOException {
    String wrong = "ab".repeat(32);
    DatasetStore store = store(base + "/toy.zip", ALPHA, wrong);
    assertThatThrownBy(() -> store.ensure("toy", Map.of()))
        .isInstanceOf(UserException.class)
        .isNotInstanceOf(DatasetUnavailableException.class)
        .hasMessageContaining("b.txt")
        .hasMessageContaining("expected " + wrong)
        .hasMessageContaining("got " + BETA);
    // a.txt was fine but is not renamed into place either; the folder the download made is removed.
    assertThat(Files.exists(cache.resolve("toy"))).isFalse();
  }

  @Test
  void connectionRefusedIsUnavailableWithWhatToFetchByHand() throws IOException {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = s.getLocalPort();
    }
    String url = "http://127.0.0.1:" + closedPort + "/toy.zip";
    DatasetStore store = store(url, ALPHA, BETA);
    assertThatThrownBy(() -> store.ensure("toy", Map.of()))
        .isInstanceOf(DatasetUnavailableException.class)
        .hasMessageContaining("dataset toy")
        .hasMessageContaining(url)
        .hasMessageContaining(cache.resolve("toy").toAbsolutePath().toString())
        .hasMessageContaining("a.txt, b.txt")
        .hasMessageContaining("ConnectException")
        .hasMessageNotContaining("\n");
  }

  @Test
  void offlineNeverConnects() {
    DatasetStore store = store(base + "/toy.zip", ALPHA, BETA).offline(true);
    assertThatThrownBy(() -> store.ensure("toy", Map.of()))
        .isInstanceOf(DatasetUnavailableException.class)
        .hasMessageContaining("offline")
        .hasMessageContaining(base + "/toy.zip")
        .hasMessageContaining("from the zip's toy/ folder");
    assertThat(requests.get()).isZero();
  }

  @Test
  void httpErrorIsUnavailable() {
    DatasetStore store = store(base + "/nothing-here.zip", ALPHA, BETA);
    assertThatThrownBy(() -> store.ensure("toy", Map.of()))
        .isInstanceOf(DatasetUnavailableException.class)
        .hasMessageContaining("HTTP 404");
  }

  @Test
  void singleFileDownloadWithParameterIsStoredAsDownloaded() throws IOException {
    DatasetStore store = store(base + "/toy.zip", ALPHA, BETA);
    Path folder = store.ensure("green", Map.of("category", "Green"));
    assertThat(folder).isEqualTo(cache.resolve("green"));
    assertThat(Files.readAllBytes(folder.resolve("g_Green_5.txt.gz"))).isEqualTo(gzip("gamma\n"));
    DatasetStore.Verification v = store.verify("green");
    assertThat(v.files()).extracting(DatasetStore.FileCheck::file).containsExactly("g_Green_5.txt.gz");
    assertThat(v.ok()).isTrue();

    assertThatThrownBy(() -> store.ensure("green", Map.of()))
        .isInstanceOf(UserException.class).hasMessageContaining("needs parameter category");
    assertThatThrownBy(() -> store.ensure("green", Map.of("category", "../x")))
        .isInstanceOf(UserException.class).hasMessageContaining("'../x'");
    assertThatThrownBy(() -> store.ensure("green", Map.of("colour", "x")))
        .isInstanceOf(UserException.class).hasMessageContaining("unknown parameter 'colour'");
    assertThatThrownBy(() -> store.ensure("blue", Map.of()))
        .isInstanceOf(UserException.class).hasMessageContaining("unknown dataset 'blue'")
        .hasMessageContaining("toy, green");
  }

  @Test
  void anUnpackedFileStandsInForItsGzip() throws IOException {
    DatasetStore store = store(base + "/toy.zip", ALPHA, BETA);
    Path folder = Files.createDirectories(cache.resolve("green"));
    Files.writeString(folder.resolve("g_Blue_5.txt"), "unpacked by hand\n");
    assertThat(store.ensure("green", Map.of("category", "Blue"))).isEqualTo(folder);
    assertThat(requests.get()).isZero();
    DatasetStore.Verification v = store.verify("green");
    assertThat(v.files()).extracting(DatasetStore.FileCheck::file).containsExactly("g_Blue_5.txt");
    assertThat(v.files().get(0).status()).isEqualTo(DatasetStore.Status.NO_HASH);
    assertThat(store.verify("green", Map.of("category", "Blue")).ok()).isTrue();
  }

  @Test
  void failedDownloadLeavesNoEmptyFolder() {
    DatasetStore store = store(base + "/nothing-here.zip", ALPHA, BETA);
    assertThatThrownBy(() -> store.ensure("toy", Map.of())).isInstanceOf(DatasetUnavailableException.class);
    assertThat(Files.exists(cache.resolve("toy"))).isFalse();
  }

  @Test
  void verifyOfTemplateWithNothingPresentReportsThePatternMissing() {
    DatasetStore.Verification v = store(base + "/toy.zip", ALPHA, BETA).verify("green");
    assertThat(v.ok()).isFalse();
    assertThat(v.files()).extracting(DatasetStore.FileCheck::file).containsExactly("g_{category}_5.txt.gz");
    assertThat(List.of(v.files().get(0).status())).containsExactly(DatasetStore.Status.MISSING);
  }
}
