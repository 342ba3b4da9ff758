package org.interestlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The complete classes shown in {@code docs/extending.md} (a recommender, a metric, a dataset
 * source) compile against InterestLab as it is, so the guide cannot drift from the API.
 */
class ExtendingDocTest {
  private static final Pattern JAVA_BLOCK = Pattern.compile("```java\n(.*?)```", Pattern.DOTALL);
  private static final Pattern TYPE_NAME = Pattern.compile("public (?:final )?(?:class|record|interface) (\\w+)");

  @Test
  void everyCompleteClassInTheGuideCompiles(@TempDir Path out) throws IOException {
    Path root = Path.of(System.getProperty("interestlab.root", "..")).toAbsolutePath().normalize();
    String guide = Files.readString(root.resolve("docs/extending.md"));
    List<JavaFileObject> sources = new ArrayList<>();
    Matcher m = JAVA_BLOCK.matcher(guide);
    while (m.find()) {
      String code = m.group(1);
      if (!code.startsWith("package ")) continue; // a registration line, not a class
      Matcher name = TYPE_NAME.matcher(code);
      assertThat(name.find()).as("a public type in:\n" + code).isTrue();
      String path = code.substring("package ".length(), code.indexOf(';')).replace('.', '/') + "/" + name.group(1) + ".java";
      sources.add(new SimpleJavaFileObject(URI.create("string:///" + path), JavaFileObject.Kind.SOURCE) {
        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
          return code;
        }
      });
    }
    assertThat(sources).as("complete classes in docs/extending.md").hasSize(3);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    StringWriter errors = new StringWriter();
    boolean ok = javac.getTask(errors, null, null,
        List.of("-classpath", System.getProperty("java.class.path"), "-d", out.toString(), "-proc:none"), null, sources).call();
    assertThat(ok).as("docs/extending.md compiles:\n" + errors).isTrue();
  }
}
