package org.interestlab.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.interestlab.UserException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The dataset catalogue ({@code datasets/catalog.yaml}): for each dataset its official download
 * URL, archive type, the files InterestLab uses with their sha256, licence and citation.
 *
 * <p>{@link #load()} reads the copy on the classpath (the build puts the repository's file into the
 * core jar), so a notebook or the CLI sees the same catalogue wherever it runs. {@link #parse} reads
 * any other text, which is how tests point a dataset at a local server.
 *
 * <p>File names and URLs may contain {@code {param}} placeholders, filled from the dataset's
 * parameters by {@link Entry#resolve(Map)} (e.g. {@code reviews_{category}_5.json.gz}).
 *
 * <p>Cost: parsing is O(size of the YAML), a few milliseconds; instances are immutable.
 *
 * <pre>{@code
 * DatasetCatalog.Entry ml = DatasetCatalog.load().get("movielens-100k");
 * ml.url();        // https://files.grouplens.org/datasets/movielens/ml-100k.zip
 * ml.citation();   // Harper and Konstan 2015 ...
 * }</pre>
 */
public final class DatasetCatalog {
  /** Where {@link #load()} finds the catalogue on the classpath. */
  public static final String RESOURCE = "/org/interestlab/data/catalog.yaml";

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_]*)}");
  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

  /** How a dataset's download is packed. */
  public enum Archive {
    /** A zip; each listed file is taken from {@link Entry#archiveFolder()} inside it. */
    ZIP,
    /** The download is the single listed file itself, stored as downloaded. */
    FILE,
    /** The files ship in the repository ({@link Entry#repoFolder()}); there is nothing to download. */
    BUNDLED
  }

  /**
   * One file of a dataset.
   *
   * @param name its original name (may hold {@code {param}} placeholders before resolution)
   * @param sha256 lower-case hex sha256 of the extracted file, or {@code null} when not recorded
   * @param optional extracted when a download happens, but its absence neither triggers a download
   *     nor fails verification (READMEs, files a loader can do without)
   */
  public record FileSpec(String name, String sha256, boolean optional) {
    public boolean hasHash() {
      return sha256 != null;
    }
  }

  /**
   * The record counts a dataset's publisher gives (README, dataset page), as the loader counts them:
   * a {@code null} count is not published and not checked. {@code lab datasets verify} compares a
   * loaded dataset with them.
   *
   * @param interactions ratings or reviews
   * @param users distinct users ({@link Dataset#numUsers()})
   * @param items items ({@link Dataset#numItems()}: listed movies for MovieLens, reviewed items for Amazon)
   * @param tags tag events (MovieLens latest)
   */
  public record Counts(Long interactions, Long users, Long items, Long tags) {
    /** Names and values of the published counts, in a fixed order. */
    public Map<String, Long> published() {
      Map<String, Long> m = new LinkedHashMap<>();
      if (interactions != null) m.put("interactions", interactions);
      if (users != null) m.put("users", users);
      if (items != null) m.put("items", items);
      if (tags != null) m.put("tags", tags);
      return m;
    }
  }

  /**
   * A dataset parameter such as Amazon's {@code category}.
   *
   * @param name parameter key in configs
   * @param description what it selects
   * @param pattern regular expression a value must match
   * @param example a valid value, shown in error messages
   */
  public record Parameter(String name, String description, String pattern, String example) {}

  /**
   * One catalogue entry. Text fields absent from the YAML are {@code ""}.
   *
   * @param url download URL, {@code ""} for bundled datasets
   * @param archiveFolder folder inside a zip holding the files ({@code ""}: the zip's root)
   * @param repoFolder for bundled datasets, the folder relative to the repository root
   * @param counts published record counts: under {@code ""} for a dataset without parameters, else
   *     under the parameter value (e.g. the Amazon category); datasets or categories absent have none
   * @param config how a config's {@code dataset:} section names it (e.g. {@code { source: movielens-100k }})
   */
  public record Entry(
      String name,
      String description,
      String homepage,
      String url,
      Archive archive,
      String archiveFolder,
      String repoFolder,
      List<FileSpec> files,
      Map<String, Parameter> parameters,
      String licence,
      String licenceUrl,
      String citation,
      Map<String, Counts> counts,
      String config) {
    public Entry {
      files = List.copyOf(files);
      parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
      counts = Collections.unmodifiableMap(new LinkedHashMap<>(counts));
    }

    /**
     * The published counts of this (resolved) dataset, or {@code null} when none are recorded.
     *
     * @param params the dataset parameters (e.g. {@code category}), empty for most datasets
     */
    public Counts countsFor(Map<String, String> params) {
      return counts.get(String.join(",", params.values()));
    }

    /**
     * This entry with every {@code {param}} in its URL and file names replaced.
     *
     * @throws UserException for a missing, unknown or malformed parameter, naming the allowed ones
     */
    public Entry resolve(Map<String, String> params) {
      for (String key : params.keySet()) {
        if (!parameters.containsKey(key)) {
          throw new UserException("dataset " + name + ": unknown parameter '" + key + "'; allowed: "
              + (parameters.isEmpty() ? "none" : String.join(", ", parameters.keySet())));
        }
      }
      for (Parameter p : parameters.values()) {
        String v = params.get(p.name());
        if (v == null) {
          throw new UserException("dataset " + name + " needs parameter " + p.name() + " (" + p.description()
              + "), e.g. " + p.name() + ": " + p.example());
        }
        if (!v.matches(p.pattern())) {
          throw new UserException("dataset " + name + ": parameter " + p.name() + " = '" + v + "' does not match "
              + p.pattern() + ", e.g. " + p.example());
        }
      }
      List<FileSpec> resolved = new ArrayList<>();
      for (FileSpec f : files) resolved.add(new FileSpec(fill(f.name(), params), f.sha256(), f.optional()));
      Counts c = countsFor(params);
      return new Entry(name, description, homepage, fill(url, params), archive, archiveFolder, repoFolder, resolved,
          Map.of(), licence, licenceUrl, citation, c == null ? Map.of() : Map.of("", c), config);
    }

    /** True when a URL or file name still holds a {@code {param}} placeholder. */
    public boolean isTemplate() {
      if (PLACEHOLDER.matcher(url).find()) return true;
      for (FileSpec f : files) if (PLACEHOLDER.matcher(f.name()).find()) return true;
      return false;
    }

    /**
     * A regular expression matching the resolved names of a templated file, each placeholder
     * replaced by its parameter's pattern (used to find which categories are present).
     */
    public Pattern namePattern(FileSpec file) {
      Matcher m = PLACEHOLDER.matcher(file.name());
      StringBuilder re = new StringBuilder();
      int last = 0;
      while (m.find()) {
        re.append(Pattern.quote(file.name().substring(last, m.start())));
        Parameter p = parameters.get(m.group(1));
        re.append('(').append(p == null ? "[^/]+" : p.pattern()).append(')');
        last = m.end();
      }
      re.append(Pattern.quote(file.name().substring(last)));
      return Pattern.compile(re.toString());
    }

    private static String fill(String template, Map<String, String> params) {
      Matcher m = PLACEHOLDER.matcher(template);
      StringBuilder sb = new StringBuilder();
      while (m.find()) {
        String v = params.get(m.group(1));
        m.appendReplacement(sb, Matcher.quoteReplacement(v == null ? m.group() : v));
      }
      m.appendTail(sb);
      return sb.toString();
    }
  }

  private final Map<String, Entry> entries;

  private DatasetCatalog(Map<String, Entry> entries) {
    this.entries = Collections.unmodifiableMap(entries);
  }

  /** The catalogue shipped with InterestLab (from the classpath). */
  public static DatasetCatalog load() {
    try (InputStream in = DatasetCatalog.class.getResourceAsStream(RESOURCE)) {
      if (in == null) throw new IllegalStateException("dataset catalogue missing from the classpath: " + RESOURCE);
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "classpath:" + RESOURCE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads a catalogue file. */
  public static DatasetCatalog read(Path file) {
    try {
      return parse(Files.readString(file), file.toAbsolutePath().toString());
    } catch (IOException e) {
      throw new UserException("cannot read dataset catalogue " + file.toAbsolutePath() + ": " + e.getMessage(), e);
    }
  }

  /**
   * Parses catalogue YAML; {@code origin} names it in error messages.
   *
   * @throws UserException naming the origin, the key path and what was expected
   */
  public static DatasetCatalog parse(String yaml, String origin) {
    Object root;
    try {
      root = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
    } catch (YAMLException e) {
      throw new UserException(origin + ": not valid YAML: " + e.getMessage().replace('\n', ' '), e);
    }
    Map<String, Object> top = map(root, origin, "(top level)");
    List<?> list = list(top.get("datasets"), origin, "datasets");
    Map<String, Entry> entries = new LinkedHashMap<>();
    for (int i = 0; i < list.size(); i++) {
      String path = "datasets[" + i + "]";
      Entry e = entry(map(list.get(i), origin, path), origin, path);
      if (entries.put(e.name(), e) != null) throw new UserException(origin + ": " + path + ".name: duplicate '" + e.name() + "'");
    }
    return new DatasetCatalog(entries);
  }

  private static Entry entry(Map<String, Object> m, String origin, String path) {
    Set<String> allowed = Set.of("name", "description", "homepage", "url", "archive", "archive_folder", "repo_folder",
        "files", "parameters", "licence", "licence_url", "citation", "counts", "config");
    for (String k : m.keySet()) {
      if (!allowed.contains(k)) {
        throw new UserException(origin + ": " + path + "." + k + ": unknown key; allowed: " + new TreeSet<>(allowed));
      }
    }
    String name = text(m, "name", origin, path, true);
    path = path + " (" + name + ")";
    String archiveText = text(m, "archive", origin, path, true);
    Archive archive;
    try {
      archive = Archive.valueOf(archiveText.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new UserException(origin + ": " + path + ".archive: '" + archiveText + "' is not one of zip, file, bundled");
    }
    String url = text(m, "url", origin, path, archive != Archive.BUNDLED);
    String repoFolder = text(m, "repo_folder", origin, path, archive == Archive.BUNDLED);
    List<FileSpec> files = new ArrayList<>();
    List<?> fl = list(m.get("files"), origin, path + ".files");
    for (int i = 0; i < fl.size(); i++) {
      String fp = path + ".files[" + i + "]";
      Map<String, Object> f = map(fl.get(i), origin, fp);
      String fname = text(f, "name", origin, fp, true);
      if (fname.contains("/") || fname.contains("\\") || fname.startsWith(".")) {
        throw new UserException(origin + ": " + fp + ".name: '" + fname + "' must be a plain file name");
      }
      if (f.get("sha256") instanceof Number) {
        // YAML reads an all-digit hash as a number and drops leading zeros; the text must be quoted.
        throw new UserException(origin + ": " + fp + ".sha256: write the hash in quotes (YAML read it as a number)");
      }
      String sha = text(f, "sha256", origin, fp, false);
      if (!sha.isEmpty() && !SHA256.matcher(sha).matches()) {
        throw new UserException(origin + ": " + fp + ".sha256: '" + sha + "' is not 64 lower-case hex digits");
      }
      String optional = text(f, "optional", origin, fp, false);
      if (!optional.isEmpty() && !optional.equals("true") && !optional.equals("false")) {
        throw new UserException(origin + ": " + fp + ".optional: '" + optional + "' is not true or false");
      }
      files.add(new FileSpec(fname, sha.isEmpty() ? null : sha, optional.equals("true")));
    }
    if (archive == Archive.FILE && files.size() != 1) {
      throw new UserException(origin + ": " + path + ".files: archive 'file' needs exactly one file, got " + files.size());
    }
    Map<String, Parameter> params = new LinkedHashMap<>();
    if (m.get("parameters") != null) {
      for (Map.Entry<String, Object> p : map(m.get("parameters"), origin, path + ".parameters").entrySet()) {
        String pp = path + ".parameters." + p.getKey();
        Map<String, Object> pm = map(p.getValue(), origin, pp);
        params.put(p.getKey(), new Parameter(p.getKey(), text(pm, "description", origin, pp, false),
            text(pm, "pattern", origin, pp, true), text(pm, "example", origin, pp, false)));
      }
    }
    Map<String, Counts> counts = new LinkedHashMap<>();
    if (m.get("counts") != null) {
      Map<String, Object> cm = map(m.get("counts"), origin, path + ".counts");
      if (params.isEmpty()) {
        counts.put("", counts(cm, origin, path + ".counts"));
      } else {
        for (Map.Entry<String, Object> c : cm.entrySet()) {
          counts.put(c.getKey(), counts(map(c.getValue(), origin, path + ".counts." + c.getKey()), origin, path + ".counts." + c.getKey()));
        }
      }
    }
    String config = text(m, "config", origin, path, false);
    if (config.isEmpty()) config = "{ source: " + name + (params.isEmpty() ? "" : ", " + String.join(", ", params.keySet()) + ": …") + " }";
    return new Entry(name, text(m, "description", origin, path, false), text(m, "homepage", origin, path, false), url,
        archive, text(m, "archive_folder", origin, path, false), repoFolder, files, params,
        text(m, "licence", origin, path, false), text(m, "licence_url", origin, path, false),
        text(m, "citation", origin, path, false), counts, config);
  }

  private static Counts counts(Map<String, Object> m, String origin, String path) {
    Set<String> allowed = Set.of("interactions", "users", "items", "tags");
    for (Map.Entry<String, Object> e : m.entrySet()) {
      if (!allowed.contains(e.getKey())) {
        throw new UserException(origin + ": " + path + "." + e.getKey() + ": unknown key; allowed: " + new TreeSet<>(allowed));
      }
      if (!(e.getValue() instanceof Integer || e.getValue() instanceof Long) || ((Number) e.getValue()).longValue() < 0) {
        throw new UserException(origin + ": " + path + "." + e.getKey() + ": " + describe(e.getValue()) + " is not a count (an integer ≥ 0)");
      }
    }
    return new Counts(count(m, "interactions"), count(m, "users"), count(m, "items"), count(m, "tags"));
  }

  private static Long count(Map<String, Object> m, String key) {
    Object v = m.get(key);
    return v == null ? null : ((Number) v).longValue();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object o, String origin, String path) {
    if (!(o instanceof Map)) throw new UserException(origin + ": " + path + ": expected a mapping, got " + describe(o));
    return (Map<String, Object>) o;
  }

  private static List<?> list(Object o, String origin, String path) {
    if (!(o instanceof List)) throw new UserException(origin + ": " + path + ": expected a list, got " + describe(o));
    return (List<?>) o;
  }

  private static String text(Map<String, Object> m, String key, String origin, String path, boolean required) {
    Object v = m.get(key);
    if (v == null) {
      if (required) throw new UserException(origin + ": " + path + "." + key + ": missing");
      return "";
    }
    if (v instanceof Map || v instanceof List) {
      throw new UserException(origin + ": " + path + "." + key + ": expected text, got " + describe(v));
    }
    return v.toString();
  }

  private static String describe(Object o) {
    return o == null ? "nothing" : o instanceof Map ? "a mapping" : o instanceof List ? "a list" : "'" + o + "'";
  }

  /** All entries in catalogue order. */
  public List<Entry> entries() {
    return List.copyOf(entries.values());
  }

  /** Dataset names in catalogue order. */
  public List<String> names() {
    return List.copyOf(entries.keySet());
  }

  public Optional<Entry> find(String name) {
    return Optional.ofNullable(entries.get(name));
  }

  /** The entry, or a {@link UserException} listing the catalogue's names. */
  public Entry get(String name) {
    Entry e = entries.get(name);
    if (e == null) {
      throw new UserException("unknown dataset '" + name + "'; the catalogue lists: " + String.join(", ", entries.keySet()));
    }
    return e;
  }
}
