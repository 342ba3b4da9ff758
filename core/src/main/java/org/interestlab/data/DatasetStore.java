package org.interestlab.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.interestlab.UserException;
import org.interestlab.compute.CacheDirs;
import org.interestlab.compute.ProgressBar;

/**
 * The dataset cache: puts each catalogued dataset's files into {@code <root>/<name>/} and checks
 * them. The root defaults to {@link CacheDirs#datasets()} ({@code $INTERESTLAB_DATA}, system
 * property {@code interestlab.data}, else {@code ~/.cache/interestlab/datasets}).
 *
 * <p>{@link #ensure} returns the folder when every listed file is there (without re-hashing, so a
 * load costs nothing extra; {@link #verify} re-hashes, then loads the dataset as a run does and
 * compares its counts with the published ones, see {@link ContentCheck}). Otherwise it downloads the catalogue's URL
 * with a {@link ProgressBar}, takes the missing files out of the zip, checks each sha256 and only
 * then renames them from temporary names into place: an interrupted or corrupt download never
 * leaves a file that looks complete. Files already present are left alone.
 *
 * <p>Offline ({@code INTERESTLAB_OFFLINE=1}, system property {@code interestlab.offline=true}, or
 * {@link #offline(boolean)}) or when the server cannot be reached, {@link #ensure} throws {@link
 * DatasetUnavailableException} with a one-line message naming the dataset, the folder and files
 * expected, and the URL to fetch by hand. A hash mismatch is a {@link UserException} naming the file
 * and both hashes.
 *
 * <p>Cost: {@link #ensure} on a present dataset is one {@code stat} per file; a download is bound by
 * the network, extraction and hashing by the disk (O(bytes)).
 *
 * <pre>{@code
 * DatasetStore store = DatasetStore.create();
 * Path folder = store.ensure("movielens-100k", Map.of());
 * Dataset ml = new MovieLens100kSource().load(folder);
 * store.verify("movielens-100k").ok();   // true when every recorded sha256 and published count matches
 * }</pre>
 */
public final class DatasetStore {
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);

  private final Path root;
  private final DatasetCatalog catalog;
  private final boolean offline;

  private DatasetStore(Path root, DatasetCatalog catalog, boolean offline) {
    this.root = Objects.requireNonNull(root, "root");
    this.catalog = Objects.requireNonNull(catalog, "catalog");
    this.offline = offline;
  }

  /** The default store: cache root from {@link CacheDirs#datasets()}, the shipped catalogue. */
  public static DatasetStore create() {
    return new DatasetStore(CacheDirs.datasets(), DatasetCatalog.load(), offlineRequested());
  }

  /** A store over another root and catalogue (tests, notebooks with their own folders). */
  public static DatasetStore of(Path root, DatasetCatalog catalog) {
    return new DatasetStore(root, catalog, offlineRequested());
  }

  /** A copy that never (or, with {@code false}, may) use the network. */
  public DatasetStore offline(boolean off) {
    return new DatasetStore(root, catalog, off);
  }

  /** True when {@code INTERESTLAB_OFFLINE} is 1/true or system property {@code interestlab.offline} is true. */
  public static boolean offlineRequested() {
    String prop = System.getProperty("interestlab.offline");
    if (prop != null) return prop.equals("true") || prop.equals("1");
    String env = System.getenv("INTERESTLAB_OFFLINE");
    return env != null && (env.equals("1") || env.equalsIgnoreCase("true"));
  }

  public Path root() {
    return root;
  }

  public DatasetCatalog catalog() {
    return catalog;
  }

  public boolean isOffline() {
    return offline;
  }

  /** Where a dataset's files live (for bundled datasets: the repository folder). */
  public Path folder(String name) {
    DatasetCatalog.Entry e = catalog.get(name);
    return e.archive() == DatasetCatalog.Archive.BUNDLED ? repositoryRoot().resolve(e.repoFolder()) : root.resolve(name);
  }

  /**
   * The dataset's folder with every catalogued file present, downloading what is missing.
   *
   * @param params dataset parameters such as {@code category}; empty for most datasets
   * @throws DatasetUnavailableException offline or unreachable, with what to fetch by hand
   * @throws UserException unknown dataset or parameter, sha256 mismatch, archive lacking a file
   */
  public Path ensure(String name, Map<String, String> params) {
    DatasetCatalog.Entry e = catalog.get(name).resolve(params);
    Path folder = folder(name);
    List<DatasetCatalog.FileSpec> missing = new ArrayList<>();
    for (DatasetCatalog.FileSpec f : e.files()) {
      if (!f.optional() && present(folder, f.name()) == null) missing.add(f);
    }
    if (e.archive() == DatasetCatalog.Archive.BUNDLED) {
      if (!Files.isDirectory(folder) || !missing.isEmpty()) {
        throw new DatasetUnavailableException("dataset " + name + " is bundled with InterestLab but " + folder
            + (missing.isEmpty() ? " does not exist" : " lacks " + names(missing))
            + "; it is generated by code from a seed (nothing to download): regenerate it or run from the repository root"
            + " (or set -Dinterestlab.root)");
      }
      return folder;
    }
    if (missing.isEmpty()) return folder;
    if (offline) {
      throw unavailable(e, folder, missing, "offline (INTERESTLAB_OFFLINE=1 or -Dinterestlab.offline=true)");
    }
    // Optional files (READMEs) come along when a download happens anyway.
    List<DatasetCatalog.FileSpec> wanted = new ArrayList<>();
    for (DatasetCatalog.FileSpec f : e.files()) if (present(folder, f.name()) == null) wanted.add(f);
    download(e, folder, wanted);
    return folder;
  }

  /** True when every non-optional file of a dataset without parameters is in its folder (no hashing, no loading). */
  public boolean isPresent(String name) {
    DatasetCatalog.Entry e = catalog.get(name);
    Path folder = folder(name);
    return e.files().stream().allMatch(f -> f.optional() || present(folder, f.name()) != null);
  }

  /**
   * The file as placed in the folder, or {@code null}. A catalogued {@code x.gz} is also satisfied
   * by its uncompressed {@code x}: users often unpack downloads, and the loaders read either.
   */
  static Path present(Path folder, String name) {
    Path p = folder.resolve(name);
    if (Files.isRegularFile(p)) return p;
    if (name.endsWith(".gz")) {
      Path plain = folder.resolve(name.substring(0, name.length() - 3));
      if (Files.isRegularFile(plain)) return plain;
    }
    return null;
  }

  private DatasetUnavailableException unavailable(
      DatasetCatalog.Entry e, Path folder, List<DatasetCatalog.FileSpec> missing, String reason) {
    String from = e.archive() == DatasetCatalog.Archive.ZIP
        ? " from the zip's " + (e.archiveFolder().isEmpty() ? "top level" : e.archiveFolder() + "/ folder")
        : "";
    return new DatasetUnavailableException("dataset " + e.name() + " is not in " + folder.toAbsolutePath()
        + " (missing " + names(missing.stream().filter(f -> !f.optional()).toList()) + ") and cannot be downloaded: " + reason + ". Fetch " + e.url()
        + " by hand and put " + names(e.files().stream().filter(f -> !f.optional()).toList()) + from + " into " + folder.toAbsolutePath()
        + "/ (or set INTERESTLAB_DATA to a folder holding " + e.name() + "/)");
  }

  private static String names(List<DatasetCatalog.FileSpec> files) {
    return files.stream().map(DatasetCatalog.FileSpec::name).collect(Collectors.joining(", "));
  }

  private void download(DatasetCatalog.Entry e, Path folder, List<DatasetCatalog.FileSpec> missing) {
    boolean created = !Files.isDirectory(folder);
    try {
      Files.createDirectories(folder);
    } catch (IOException ex) {
      throw new UserException("cannot create dataset folder " + folder.toAbsolutePath() + ": " + ex.getMessage(), ex);
    }
    List<Path> temps = new ArrayList<>();
    try {
      Path archive = tempIn(folder, ".download-", temps);
      fetch(e, folder, missing, archive);
      Map<DatasetCatalog.FileSpec, Path> staged = new LinkedHashMap<>();
      if (e.archive() == DatasetCatalog.Archive.FILE) {
        staged.put(missing.get(0), archive);
      } else {
        try (ZipFile zip = new ZipFile(archive.toFile())) {
          for (DatasetCatalog.FileSpec f : missing) {
            String entryName = e.archiveFolder().isEmpty() ? f.name() : e.archiveFolder() + "/" + f.name();
            ZipEntry z = zip.getEntry(entryName);
            if (z == null && f.optional()) continue;
            if (z == null) {
              throw new UserException("dataset " + e.name() + ": the archive from " + e.url() + " has no " + entryName
                  + " (the catalogue's archive_folder or file list does not match the download)");
            }
            Path part = tempIn(folder, "." + f.name() + "-", temps);
            try (InputStream in = zip.getInputStream(z)) {
              Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
            }
            staged.put(f, part);
          }
        } catch (java.util.zip.ZipException ex) {
          throw new UserException("dataset " + e.name() + ": the download from " + e.url() + " is not a valid zip ("
              + ex.getMessage() + ")", ex);
        }
      }
      // Check every hash before renaming any file, so a bad archive changes nothing in the folder.
      for (Map.Entry<DatasetCatalog.FileSpec, Path> s : staged.entrySet()) {
        DatasetCatalog.FileSpec f = s.getKey();
        if (!f.hasHash()) continue;
        String actual = sha256(s.getValue());
        if (!actual.equals(f.sha256())) {
          throw new UserException("dataset " + e.name() + ": sha256 mismatch for " + f.name() + " downloaded from "
              + e.url() + ": expected " + f.sha256() + ", got " + actual);
        }
      }
      for (Map.Entry<DatasetCatalog.FileSpec, Path> s : staged.entrySet()) {
        org.interestlab.compute.AtomicFiles.moveIntoPlace(s.getValue(), folder.resolve(s.getKey().name()));
      }
    } catch (IOException ex) {
      throw new UncheckedIOException("writing dataset " + e.name() + " into " + folder.toAbsolutePath(), ex);
    } finally {
      for (Path t : temps) {
        try {
          Files.deleteIfExists(t);
        } catch (IOException ignored) {
          // a leftover temporary file is harmless: it never has a catalogued name
        }
      }
      if (created) {
        try {
          Files.delete(folder); // only succeeds when the failed download left it empty
        } catch (IOException ignored) {
          // not empty: the download succeeded, or the user put files there meanwhile
        }
      }
    }
  }

  private static Path tempIn(Path folder, String prefix, List<Path> temps) throws IOException {
    Path p = Files.createTempFile(folder, prefix, ".part");
    temps.add(p);
    return p;
  }

  private void fetch(DatasetCatalog.Entry e, Path folder, List<DatasetCatalog.FileSpec> missing, Path target)
      throws IOException {
    HttpClient client = HttpClient.newBuilder()
        .connectTimeout(CONNECT_TIMEOUT)
        .followRedirects(HttpClient.Redirect.NORMAL)
        .build();
    HttpResponse<InputStream> response;
    try {
      URI uri = URI.create(e.url());
      response = client.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
    } catch (IllegalArgumentException ex) {
      throw new UserException("dataset " + e.name() + ": malformed URL '" + e.url() + "' in the catalogue", ex);
    } catch (IOException ex) {
      throw unavailable(e, folder, missing, "download failed (" + describe(ex) + ")");
    } catch (InterruptedException ex) {
      Thread.currentThread().interrupt();
      throw unavailable(e, folder, missing, "download interrupted");
    }
    try (InputStream in = response.body()) {
      if (response.statusCode() != 200) {
        throw unavailable(e, folder, missing, "the server answered HTTP " + response.statusCode());
      }
      long total = response.headers().firstValueAsLong("Content-Length").orElse(-1);
      try (OutputStream out = Files.newOutputStream(target);
           ProgressBar bar = ProgressBar.start("download " + e.name(), total, "bytes")) {
        byte[] buf = new byte[1 << 16];
        int n;
        while ((n = in.read(buf)) >= 0) {
          out.write(buf, 0, n);
          bar.advance(n);
        }
      }
    } catch (IOException ex) {
      throw unavailable(e, folder, missing, "download broke off (" + describe(ex) + ")");
    }
  }

  private static String describe(Throwable t) {
    // HttpClient's ConnectException often has no message; the class name then says what happened.
    String m = t.getMessage();
    String s = t.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : ": " + m);
    return s.replace('\n', ' ');
  }

  /** Lower-case hex sha256 of a file. */
  public static String sha256(Path file) throws IOException {
    MessageDigest md;
    try {
      md = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException ex) {
      throw new IllegalStateException(ex);
    }
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), md)) {
      in.transferTo(OutputStream.nullOutputStream());
    }
    return HexFormat.of().formatHex(md.digest());
  }

  /** Checks one file of a dataset. */
  public enum Status {
    /** Present and its sha256 matches the catalogue. */
    OK,
    /** Present; the catalogue records no hash for it. */
    NO_HASH,
    /** Not in the folder. */
    MISSING,
    /** Not in the folder, but the catalogue marks it optional. */
    ABSENT_OPTIONAL,
    /** Present with another sha256 than the catalogue's. */
    MISMATCH
  }

  /**
   * One line of a verification report.
   *
   * @param expectedSha256 the catalogue's hash, or {@code null}
   * @param actualSha256 the file's hash, or {@code null} when missing
   */
  public record FileCheck(String file, Path path, Status status, String expectedSha256, String actualSha256) {
    public String describe() {
      return switch (status) {
        case OK -> "ok        " + file + "  sha256 " + actualSha256;
        case NO_HASH -> "present   " + file + "  sha256 " + actualSha256 + " (no hash recorded in the catalogue)";
        case MISSING -> "MISSING   " + file + "  expected at " + path;
        case ABSENT_OPTIONAL -> "absent    " + file + "  (optional)";
        case MISMATCH -> "MISMATCH  " + file + "  expected sha256 " + expectedSha256 + ", actual " + actualSha256;
      };
    }
  }

  /**
   * What {@link #verify} found: one {@link FileCheck} per catalogued file, then what loading the
   * dataset with its own loader showed ({@link ContentCheck}).
   *
   * @param folder where the files were looked for
   * @param content the loader's report: records read, skips, counts against the published ones
   */
  public record Verification(String dataset, Path folder, List<FileCheck> files, List<ContentCheck.Line> content) {
    public Verification {
      files = List.copyOf(files);
      content = List.copyOf(content);
    }

    /** A verification of the files alone. */
    public Verification(String dataset, Path folder, List<FileCheck> files) {
      this(dataset, folder, files, List.of());
    }

    /** True when nothing is missing, no recorded hash differs, the loader read every file and the published counts match. */
    public boolean ok() {
      return files.stream().noneMatch(f -> f.status() == Status.MISSING || f.status() == Status.MISMATCH)
          && content.stream().allMatch(ContentCheck.Line::ok);
    }

    /** A header line and one line per file and per content finding, for the command line. */
    public String describe() {
      StringBuilder sb = new StringBuilder(dataset + " in " + folder + ": " + (ok() ? "OK" : "PROBLEMS") + "\n");
      for (FileCheck f : files) sb.append("  ").append(f.describe()).append('\n');
      for (ContentCheck.Line l : content) sb.append("  ").append(l.text().replace('\n', ' ')).append('\n');
      return sb.toString();
    }
  }

  /**
   * Checks a dataset's files and their hashes, then loads it with its own loader and compares the
   * counts with the published ones ({@link ContentCheck}). For a parameterised dataset (Amazon) every
   * file in the folder that matches the name pattern is checked and loaded; when none does, the
   * pattern is reported missing.
   */
  public Verification verify(String name) {
    DatasetCatalog.Entry e = catalog.get(name);
    if (!e.isTemplate()) return verify(name, Map.of());
    Path folder = folder(name);
    List<FileCheck> checks = new ArrayList<>();
    List<ContentCheck.Line> content = new ArrayList<>();
    for (DatasetCatalog.FileSpec f : e.files()) {
      List<Path> found = new ArrayList<>();
      var pattern = e.namePattern(f);
      if (Files.isDirectory(folder)) {
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(folder)) {
          for (Path p : ds) {
            String n = p.getFileName().toString();
            // An unpacked x for a catalogued x.gz counts too (see present()).
            if (pattern.matcher(n).matches() || (f.name().endsWith(".gz") && pattern.matcher(n + ".gz").matches())) {
              found.add(p);
            }
          }
        } catch (IOException ex) {
          throw new UncheckedIOException(ex);
        }
      }
      found.sort(null);
      if (found.isEmpty()) {
        checks.add(new FileCheck(f.name(), folder.resolve(f.name()),
            f.optional() ? Status.ABSENT_OPTIONAL : Status.MISSING, f.sha256(), null));
      }
      for (Path p : found) {
        boolean unpacked = f.name().endsWith(".gz") && !p.getFileName().toString().endsWith(".gz");
        checks.add(check(p.getFileName().toString(), p,
            unpacked ? new DatasetCatalog.FileSpec(f.name(), null, f.optional()) : f));
      }
      for (Map<String, String> params : parametersOf(e, f, found)) {
        content.addAll(ContentCheck.run(name, params, folder, e.countsFor(params)));
      }
    }
    return new Verification(name, folder, checks, content);
  }

  /** The parameter values (e.g. categories) whose files are present, each once, for a template with one parameter. */
  private static List<Map<String, String>> parametersOf(DatasetCatalog.Entry e, DatasetCatalog.FileSpec f, List<Path> found) {
    if (e.parameters().size() != 1) return List.of();
    String key = e.parameters().keySet().iterator().next();
    var pattern = e.namePattern(f);
    java.util.Set<String> values = new java.util.TreeSet<>();
    for (Path p : found) {
      String n = p.getFileName().toString();
      var m = pattern.matcher(n);
      if (!m.matches()) m = pattern.matcher(n + ".gz");
      if (m.matches()) values.add(m.group(1));
    }
    List<Map<String, String>> out = new ArrayList<>();
    for (String v : values) out.add(Map.of(key, v));
    return out;
  }

  /** Checks the files of a dataset with the given parameters (e.g. one Amazon category). */
  public Verification verify(String name, Map<String, String> params) {
    DatasetCatalog.Entry e = catalog.get(name).resolve(params);
    Path folder = folder(name);
    List<FileCheck> checks = new ArrayList<>();
    for (DatasetCatalog.FileSpec f : e.files()) {
      Path p = present(folder, f.name());
      if (p != null && !p.getFileName().toString().equals(f.name())) {
        // The uncompressed form: the catalogue's hash is of the .gz, so it cannot be checked.
        checks.add(check(p.getFileName().toString(), p, new DatasetCatalog.FileSpec(f.name(), null, f.optional())));
      } else {
        checks.add(check(f.name(), folder.resolve(f.name()), f));
      }
    }
    Verification files = new Verification(name, folder, checks);
    if (!files.ok() || e.archive() == DatasetCatalog.Archive.BUNDLED) return files;
    // The bytes are there (and match where a hash is recorded): now read them as a run would.
    return new Verification(name, folder, checks, ContentCheck.run(name, params, folder, e.counts().get("")));
  }

  private static FileCheck check(String name, Path p, DatasetCatalog.FileSpec spec) {
    String expected = spec.sha256();
    if (!Files.isRegularFile(p)) {
      return new FileCheck(name, p, spec.optional() ? Status.ABSENT_OPTIONAL : Status.MISSING, expected, null);
    }
    String actual;
    try {
      actual = sha256(p);
    } catch (IOException ex) {
      throw new UncheckedIOException("hashing " + p, ex);
    }
    Status s = expected == null ? Status.NO_HASH : expected.equals(actual) ? Status.OK : Status.MISMATCH;
    return new FileCheck(name, p, s, expected, actual);
  }

  /**
   * The repository root for bundled datasets: system property {@code interestlab.root}, else the
   * nearest folder upwards from the working directory that holds {@code datasets/catalog.yaml},
   * else the working directory.
   */
  static Path repositoryRoot() {
    String prop = System.getProperty("interestlab.root");
    if (prop != null && !prop.isBlank()) return Path.of(prop).toAbsolutePath().normalize();
    Path cwd = Path.of("").toAbsolutePath();
    for (Path p = cwd; p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve("datasets").resolve("catalog.yaml"))) return p;
    }
    return cwd;
  }
}
