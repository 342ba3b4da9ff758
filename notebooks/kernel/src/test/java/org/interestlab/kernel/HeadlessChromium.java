package org.interestlab.kernel;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Debian's headless Chromium opening a local HTML page with every network host unresolvable
 * ({@code --host-resolver-rules="MAP * ~NOTFOUND"}), then reading the DOM after scripts ran
 * ({@code --dump-dom}): which Plotly figures rendered, with data marks, and which console errors
 * the page raised. A small script put in front of the page's own records {@code console.error},
 * uncaught exceptions, failed resource loads and unhandled promise rejections in an attribute of
 * the root element, so the dumped DOM carries them.
 */
final class HeadlessChromium {
  private static final List<Path> CANDIDATES = List.of(Path.of("/usr/bin/chromium"), Path.of("/usr/bin/chromium-browser"),
      Path.of("/usr/bin/google-chrome"));
  static final String ERRORS_ATTRIBUTE = "data-console-errors";
  private static final String RECORDER = "<script>(function () {\n"
      + "  var errors = [];\n"
      + "  function note(m) { errors.push(String(m)); document.documentElement.setAttribute('" + ERRORS_ATTRIBUTE + "', JSON.stringify(errors)); }\n"
      + "  var original = console.error;\n"
      + "  console.error = function () { note(Array.prototype.join.call(arguments, ' ')); return original.apply(console, arguments); };\n"
      + "  window.addEventListener('error', function (e) {\n"
      + "    note(e.message ? 'uncaught: ' + e.message : 'failed to load: ' + (e.target && (e.target.src || e.target.href)));\n"
      + "  }, true);\n"
      + "  window.addEventListener('unhandledrejection', function (e) { note('unhandled rejection: ' + e.reason); });\n"
      + "})();</script>";
  private static final Pattern PLOT_DIV = Pattern.compile("<div\\b[^>]*class=\"[^\"]*\\bjs-plotly-plot\\b[^\"]*\"[^>]*>");
  private static final Pattern ERRORS = Pattern.compile(ERRORS_ATTRIBUTE + "=\"([^\"]*)\"");
  // A script this long is a library (plotly.js itself mentions Plotly.newPlot), not a figure.
  private static final int LIBRARY_CHARS = 200_000;

  private final Path executable;

  private HeadlessChromium(Path executable) {
    this.executable = executable;
  }

  /** Skips the calling test with the reason unless Chromium is installed. */
  static HeadlessChromium find() {
    Optional<Path> found = CANDIDATES.stream().filter(Files::isExecutable).findFirst();
    assumeTrue(found.isPresent(), "browser check skipped: no Chromium at " + CANDIDATES
        + " (sudo bash .ci/run installs Debian's chromium and chromium-driver)");
    return new HeadlessChromium(found.get());
  }

  /** What a page showed: figures its scripts drew, figures rendered with data marks, console errors. */
  record Page(int figureScripts, int renderedFigures, int figuresWithData, List<String> consoleErrors, String browserLog) {}

  Page open(Path html, Path workDir) throws Exception {
    String source = Files.readString(html, StandardCharsets.UTF_8);
    int figureScripts = figureScripts(source);
    Path page = workDir.resolve("checked-" + html.getFileName());
    Files.writeString(page, withRecorder(source), StandardCharsets.UTF_8);
    Path dom = workDir.resolve("dom-" + html.getFileName());
    List<String> command = List.of(executable.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--host-resolver-rules=MAP * ~NOTFOUND", "--virtual-time-budget=30000", "--enable-logging=stderr", "--v=0",
        "--user-data-dir=" + workDir.resolve("chromium-profile"), "--dump-dom", page.toUri().toString());
    ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(dom.toFile()).redirectError(workDir.resolve("chromium.log").toFile());
    Process p = pb.start();
    if (!p.waitFor(240, java.util.concurrent.TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("Chromium did not finish within 240 s on " + html);
    }
    String log = Files.readString(workDir.resolve("chromium.log"), StandardCharsets.UTF_8);
    String after = Files.readString(dom, StandardCharsets.UTF_8);
    if (after.isBlank()) throw new AssertionError("Chromium dumped no DOM for " + html + " (exit " + p.exitValue() + "):\n" + log);
    int rendered = 0;
    int withData = 0;
    Matcher div = PLOT_DIV.matcher(after);
    List<Integer> starts = new ArrayList<>();
    while (div.find()) starts.add(div.start());
    for (int i = 0; i < starts.size(); i++) {
      String figure = after.substring(starts.get(i), i + 1 < starts.size() ? starts.get(i + 1) : after.length());
      if (!figure.contains("main-svg")) continue;
      rendered++;
      // Marks: scatter points, lines, boxes, filled areas, and the slices of treemaps and sunbursts.
      if (figure.contains("class=\"trace") && Stream.of("class=\"point", "class=\"js-line", "class=\"box", "class=\"js-fill", "class=\"slice")
          .anyMatch(figure::contains)) {
        withData++;
      }
    }
    List<String> errors = new ArrayList<>();
    Matcher m = ERRORS.matcher(after);
    if (m.find()) {
      String json = m.group(1).replace("&quot;", "\"").replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">");
      for (Object e : new com.google.gson.Gson().fromJson(json, List.class)) errors.add(String.valueOf(e));
    }
    // Chromium logs every console message at INFO; an uncaught exception starts with "Uncaught".
    log.lines().filter(l -> l.contains(":CONSOLE") && l.contains("\"Uncaught")).forEach(errors::add);
    return new Page(figureScripts, rendered, withData, errors, log);
  }

  /** Scripts (not libraries) that call Plotly.newPlot or Plotly.react: one figure each. */
  static int figureScripts(String html) {
    int n = 0;
    for (int at = html.indexOf("<script"); at >= 0; ) {
      int open = html.indexOf('>', at);
      int close = html.indexOf("</script>", open);
      if (open < 0 || close < 0) break;
      String body = html.substring(open + 1, close);
      if (body.length() < LIBRARY_CHARS && (body.contains("Plotly.newPlot(") || body.contains("Plotly.react("))) n++;
      at = html.indexOf("<script", close);
    }
    return n;
  }

  /** The page with the error recorder as the first script of its head (or of the document). */
  static String withRecorder(String html) {
    Matcher head = Pattern.compile("<head\\b[^>]*>", Pattern.CASE_INSENSITIVE).matcher(html);
    if (head.find()) return html.substring(0, head.end()) + RECORDER + html.substring(head.end());
    return RECORDER + html;
  }

}
