package org.interestlab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.interestlab.cli.LabCliTest.lab;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lab notebook install} copies the built kernelspec, relocatable, into a Jupyter data folder. */
class NotebookCommandTest {
  @TempDir Path tmp;

  @Test
  void installCopiesTheKernelspecAndCanReplaceAnEarlierInstall() throws Exception {
    assumeTrue(Files.isRegularFile(NotebookCommand.builtKernelspec().resolve("kernel.json")),
        "the kernel module is not packaged yet (" + NotebookCommand.builtKernelspec() + "); runs in mvn verify");
    Path data = tmp.resolve("jupyter");
    for (int round = 0; round < 2; round++) {
      LabCliTest.Result r = lab("notebook", "install", "--data-dir", data.toString());
      assertThat(r.code()).as(r.err()).isZero();
      Path spec = data.resolve("kernels/java");
      assertThat(r.out()).contains("installed the Java kernel", spec.toString());
      assertThat(spec.resolve("interestlab-kernel.jar")).isRegularFile();
      assertThat(Files.readString(spec.resolve("classpath.txt"))).contains("interestlab-core", "tablesaw-core");
      String json = Files.readString(spec.resolve("kernel.json"));
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      assertThat(json).contains("\"" + java + "\"", "{resource_dir}/interestlab-kernel.jar", "{connection_file}",
          "\"display_name\": \"Java\"", "\"interrupt_mode\": \"message\"");
    }
    try (var left = Files.list(data.resolve("kernels"))) {
      assertThat(left.map(p -> p.getFileName().toString())).containsExactly("java"); // no temporary folders left
    }
  }

  @Test
  void installWithoutABuiltKernelIsOneClearError() {
    String root = System.getProperty("interestlab.root");
    System.setProperty("interestlab.root", tmp.toString());
    try {
      LabCliTest.Result r = lab("notebook", "install", "--data-dir", tmp.resolve("jupyter").toString());
      assertThat(r.code()).isEqualTo(Lab.USER_ERROR);
      assertThat(r.err()).contains("the Java kernel is not built", "./lab").doesNotContain("Exception");
      assertThat(r.err().lines().count()).isEqualTo(1);
    } finally {
      if (root == null) System.clearProperty("interestlab.root");
      else System.setProperty("interestlab.root", root);
    }
  }
}
