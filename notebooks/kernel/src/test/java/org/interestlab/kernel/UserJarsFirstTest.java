package org.interestlab.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A jar added with {@code %jars} wins over the project classpath's copy of the same class, when the cell
 * compiles (a method only the newer version has) and when it runs. Two versions of {@code demo.Lib}
 * are compiled here, one on the project classpath and one added by the cell.
 */
class UserJarsFirstTest {
  @TempDir Path tmp;

  @Test
  void addedJarShadowsTheProjectCopyAtCompileAndRunTime() throws Exception {
    Path projectJar = jar("project", "public static String version() { return \"project 1.0\"; }");
    Path userJar = jar("user", "public static String version() { return \"user 2.0\"; }\n"
        + "  public static String onlyInTwo() { return \"new in 2.0\"; }");

    try (JavaKernel plain = new JavaKernel(ProjectClasspath.of(projectJar.toString()))) {
      assertThat(text(plain, "demo.Lib.version()")).isEqualTo("project 1.0");
    }
    try (JavaKernel kernel = new JavaKernel(ProjectClasspath.of(projectJar.toString()))) {
      assertThat(text(kernel, "%jars " + userJar + "\ndemo.Lib.onlyInTwo()")).isEqualTo("new in 2.0");
      assertThat(text(kernel, "demo.Lib.version()")).isEqualTo("user 2.0");
    }
  }

  private static String text(JavaKernel k, String code) throws Exception {
    return (String) k.eval(code).getData(MIMEType.TEXT_PLAIN);
  }

  private Path jar(String name, String body) throws IOException {
    Path src = tmp.resolve(name + "-src/demo/Lib.java");
    Path classes = tmp.resolve(name + "-classes");
    Files.createDirectories(src.getParent());
    Files.createDirectories(classes);
    Files.writeString(src, "package demo;\npublic class Lib {\n  " + body + "\n}\n");
    int rc = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(), src.toString());
    assertThat(rc).isZero();
    Path jar = tmp.resolve(name + ".jar");
    try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out)) {
      j.putNextEntry(new JarEntry("demo/Lib.class"));
      j.write(Files.readAllBytes(classes.resolve("demo/Lib.class")));
      j.closeEntry();
    }
    return jar;
  }
}
