package org.interestlab.robustness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.interestlab.robustness.Cli.assertUserError;
import static org.interestlab.robustness.Cli.lab;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.interestlab.compute.AtomicFiles;
import org.interestlab.compute.Embeddings;
import org.interestlab.encode.Npy;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad inputs to {@code ./lab encode}, {@code cluster}, {@code metrics} and {@code datasets}: exit code
 * 2, one line naming the file or option at fault, no stack trace, no output file left behind.
 * Fixtures are made in a fresh folder per case: {@code ok.npy} (6 × 2, two clear groups),
 * {@code labels.csv} for it, {@code texts.txt}, and broken variants.
 */
class BadCliInputsTest {
  @TempDir static Path dir;

  @BeforeAll
  static void fixtures() throws IOException {
    Cli.root();
    Npy.write(dir.resolve("ok.npy"), Embeddings.of(new float[][] {{0, 0}, {0, 1}, {1, 0}, {9, 9}, {9, 10}, {10, 9}}));
    Npy.write(dir.resolve("nan.npy"), Embeddings.of(new float[][] {{0, 0}, {0, 1}, {Float.NaN, 0}, {9, 9}}));
    Files.write(dir.resolve("huge-header.npy"), npy("1000000000000, 384"));
    Files.write(dir.resolve("negative-header.npy"), npy("-1, 8"));
    Files.write(dir.resolve("zero-width.npy"), npy("10, 0"));
    Files.writeString(dir.resolve("not-npy.npy"), "id,d0\n1,0.5\n");
    Files.writeString(dir.resolve("labels.csv"), "index,label\n0,0\n1,0\n2,0\n3,1\n4,1\n5,1\n");
    Files.writeString(dir.resolve("short-labels.csv"), "index,label\n0,0\n1,0\n");
    Files.writeString(dir.resolve("texts.txt"), "blue sky\nblue sea\nred sky\n");
    Files.writeString(dir.resolve("empty.txt"), "");
    Files.createDirectories(dir.resolve("a-folder"));
    Path ro = Files.createDirectories(dir.resolve("read-only"));
    Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("r-xr-xr-x"));
  }

  /** A version-1.0 .npy whose header claims {@code shape} over 64 bytes of data. */
  static byte[] npy(String shape) {
    String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (" + shape + "), }";
    String header = dict + " ".repeat(63 - (10 + dict.length()) % 64) + "\n";
    ByteBuffer b = ByteBuffer.allocate(10 + header.length() + 64).order(ByteOrder.LITTLE_ENDIAN);
    b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0}).putShort((short) header.length());
    b.put(header.getBytes(StandardCharsets.US_ASCII));
    return b.array();
  }

  static String f(String name) {
    return dir.resolve(name).toString();
  }

  /** A case: the arguments, an optional write failure injected under a folder, what the line must name, a file that must not appear. */
  record Case(String what, List<String> args, String failUnder, String failReason, List<String> mustName, String mustNotExist) {
    @Override
    public String toString() {
      return what;
    }
  }

  static Arguments c(String what, List<String> args, String... mustName) {
    return Arguments.of(new Case(what, args, null, null, List.of(mustName), null));
  }

  static Arguments failing(String what, List<String> args, String under, String reason, String out, String... mustName) {
    return Arguments.of(new Case(what, args, under, reason, List.of(mustName), out));
  }

  static Stream<Arguments> inputs() {
    String ro = f("read-only");
    Function<String, List<String>> encodeTo = out -> List.of("encode", "--model", "tfidf", "--param", "dimension=2", "--no-cache",
        "--input", f("texts.txt"), "--out", out);
    Function<String, List<String>> clusterTo = out -> List.of("cluster", "--input", f("ok.npy"), "--algo", "kmeans", "--k", "2", "--out", out);
    List<Arguments> a = new ArrayList<>(List.of(
        // encode
        c("encode: --input is a folder", List.of("encode", "--model", "tfidf", "--input", f("a-folder"), "--out", f("v.npy")),
            "--input", f("a-folder"), "is a folder"),
        c("encode: --input missing", List.of("encode", "--model", "tfidf", "--input", f("none.txt"), "--out", f("v.npy")), "none.txt"),
        c("encode: --input empty", List.of("encode", "--model", "tfidf", "--input", f("empty.txt"), "--out", f("v.npy")), "empty.txt"),
        c("encode: --out of unknown format", encodeTo.apply(f("v.txt")), "--out", "v.txt"),
        c("encode: unknown --model", List.of("encode", "--model", "word2vec", "--input", f("texts.txt"), "--out", f("v.npy")), "--model"),
        c("encode: --input not given", List.of("encode", "--model", "tfidf", "--out", f("v.npy")), "--input"),
        c("encode: --batch-size 0", List.of("encode", "--model", "minilm-l6", "--batch-size", "0", "--input", f("texts.txt"),
            "--out", f("v.npy")), "batch_size"),
        failing("encode: --out in a read-only folder", encodeTo.apply(ro + "/v.npy"), ro, "Read-only file system", ro + "/v.npy",
            ro + "/v.npy"),
        failing("encode: --out on a full disk", encodeTo.apply(f("full/v.npy")), f("full"), "No space left on device", f("full/v.npy"),
            f("full/v.npy"), "No space left on device"),
        // cluster
        c("cluster: --input is a folder", List.of("cluster", "--input", f("a-folder"), "--algo", "kmeans", "--k", "2"), "a-folder",
            "is a folder"),
        c("cluster: --input missing", List.of("cluster", "--input", f("none.npy"), "--algo", "kmeans", "--k", "2"), "none.npy"),
        c("cluster: header claims 10^12 rows", List.of("cluster", "--input", f("huge-header.npy"), "--algo", "kmeans", "--k", "2"),
            "huge-header.npy", "1000000000000, 384"),
        c("cluster: negative dimension", List.of("cluster", "--input", f("negative-header.npy"), "--algo", "kmeans", "--k", "2"),
            "negative-header.npy", "-1, 8"),
        c("cluster: zero-width rows", List.of("cluster", "--input", f("zero-width.npy"), "--algo", "kmeans", "--k", "2"),
            "zero-width.npy", "10, 0"),
        c("cluster: not a .npy file", List.of("cluster", "--input", f("not-npy.npy"), "--algo", "kmeans", "--k", "2"), "not-npy.npy"),
        c("cluster: NaN in a row", List.of("cluster", "--input", f("nan.npy"), "--algo", "kmeans", "--k", "2"), "nan.npy", "row 2"),
        c("cluster: --k not a number", List.of("cluster", "--input", f("ok.npy"), "--algo", "kmeans", "--k", "two"), "--k"),
        c("cluster: unknown --algo", List.of("cluster", "--input", f("ok.npy"), "--algo", "kmedoids", "--k", "2"), "--algo"),
        c("cluster: --truth of the wrong length", List.of("cluster", "--input", f("ok.npy"), "--algo", "kmeans", "--k", "2", "--truth",
            f("short-labels.csv")), "short-labels.csv"),
        failing("cluster: --out in a read-only folder", clusterTo.apply(ro + "/labels.csv"), ro, "Read-only file system",
            ro + "/labels.csv", ro + "/labels.csv"),
        failing("cluster: --out on a full disk", clusterTo.apply(f("full/labels.csv")), f("full"), "No space left on device",
            f("full/labels.csv"), f("full/labels.csv"), "No space left on device"),
        // metrics
        c("metrics: NaN in --vectors", List.of("metrics", "clusters", "--vectors", f("nan.npy"), "--labels", f("labels.csv")), "nan.npy",
            "row 2"),
        c("metrics: --labels missing", List.of("metrics", "clusters", "--vectors", f("ok.npy"), "--labels", f("none.csv")), "none.csv"),
        c("metrics: --labels of the wrong length", List.of("metrics", "clusters", "--vectors", f("ok.npy"), "--labels",
            f("short-labels.csv")), "short-labels.csv"),
        c("metrics: lying --vectors header", List.of("metrics", "clusters", "--vectors", f("huge-header.npy"), "--labels",
            f("labels.csv")), "huge-header.npy"),
        c("metrics: nothing to measure", List.of("metrics"), "clusters"),
        // datasets
        c("datasets: verify an unknown name", List.of("datasets", "verify", "netflix-prize"), "netflix-prize"),
        c("datasets: generate a downloaded dataset", List.of("datasets", "generate", "movielens-100k"), "movielens-100k"),
        c("datasets: generate in an unknown language", List.of("datasets", "generate", "synthetic-interests", "--language", "fr",
            "--out", f("gen")), "--language"),
        c("datasets: --param without '='", List.of("datasets", "fetch", "amazon-reviews-5core", "--param", "category"), "--param"),
        c("datasets: nothing to do", List.of("datasets"), "list")));
    return a.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("inputs")
  void badInputIsOneLineNamingTheFileOrOption(Case c) throws Exception {
    // root may write into a chmod'ed folder: then the operating system's answer is injected where it would surface.
    boolean inject = c.failUnder() != null && (!c.failUnder().endsWith("read-only") || Files.isWritable(Path.of(c.failUnder())));
    try (AtomicFiles.Fault fault = inject ? AtomicFiles.injectFailureUnder(Path.of(c.failUnder()), c.failReason()) : null) {
      Cli.Result r = lab(c.args().toArray(String[]::new));
      assertUserError(r, c.mustName().toArray(String[]::new));
    }
    if (c.mustNotExist() != null) assertThat(Path.of(c.mustNotExist())).doesNotExist();
  }

  /** The usage the README shows: {@code --out} is optional for a single k (it used to be required). */
  @org.junit.jupiter.api.Test
  void clusterWithoutOutPrintsTheMetricsOnly() throws IOException {
    Cli.Result r = lab("cluster", "--input", f("ok.npy"), "--algo", "kmeans", "--k", "2");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("clusters           2").contains("labels not written");
  }
}
