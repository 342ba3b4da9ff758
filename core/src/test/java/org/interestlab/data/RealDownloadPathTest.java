package org.interestlab.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.interestlab.compute.CacheDirs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped catalogue entry for ml-latest-small, end to end: the real files are packed the way
 * GroupLens packs them (inside {@code ml-latest-small/}), served over loopback HTTP, downloaded,
 * checked against the catalogue's sha256 and loaded. Skipped unless {@code INTERESTLAB_DATA} (or
 * {@code -Dinterestlab.data}) holds {@code movielens-latest-small/}.
 */
class RealDownloadPathTest {
  @TempDir Path cache;

  @Test
  void shippedCatalogueEntryDownloadsVerifiesAndLoads() throws IOException {
    boolean configured = System.getProperty("interestlab.data") != null || System.getenv("INTERESTLAB_DATA") != null;
    Path real = CacheDirs.datasets().resolve(MovieLensLatestSmallSource.NAME);
    assumeTrue(configured && Files.isRegularFile(real.resolve("ratings.csv")),
        "real ml-latest-small not found: set INTERESTLAB_DATA to a folder containing movielens-latest-small/");

    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(bytes)) {
      for (String f : List.of("links.csv", "movies.csv", "ratings.csv", "README.txt", "tags.csv")) {
        z.putNextEntry(new ZipEntry("ml-latest-small/" + f));
        try (InputStream in = Files.newInputStream(real.resolve(f))) {
          in.transferTo(z);
        }
        z.closeEntry();
      }
    }
    byte[] zip = bytes.toByteArray();
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/ml-latest-small.zip", ex -> {
      ex.sendResponseHeaders(200, zip.length);
      try (OutputStream out = ex.getResponseBody()) {
        out.write(zip);
      }
    });
    server.start();
    try {
      String yaml;
      try (InputStream in = DatasetCatalog.class.getResourceAsStream(DatasetCatalog.RESOURCE)) {
        yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      String official = "https://files.grouplens.org/datasets/movielens/ml-latest-small.zip";
      assertThat(yaml).contains(official);
      String local = "http://127.0.0.1:" + server.getAddress().getPort() + "/ml-latest-small.zip";
      DatasetStore store = DatasetStore.of(cache, DatasetCatalog.parse(yaml.replace(official, local), "catalogue"))
          .offline(false);
      Dataset d = DatasetSources.load(store, MovieLensLatestSmallSource.NAME, Map.of());
      assertThat(d.interactions()).hasSize(100_836);
      assertThat(d.tags()).hasSize(3_683);
      assertThat(store.verify(MovieLensLatestSmallSource.NAME).ok()).isTrue();
    } finally {
      server.stop(0);
    }
  }
}
