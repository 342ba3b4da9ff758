package org.interestlab.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code src/test/python/test_kernel.py} against the installed kernelspec: Jupyter's own kernel
 * test suite (jupyter_kernel_test) plus interrupt, failing cells, InterestLab imports, {@code %jars}
 * with a newer Gson, and the Tablesaw/jsplot renderers. Skips when Debian's Jupyter is missing.
 */
class JupyterKernelIT {
  @TempDir Path temp;

  @Test
  void kernelPassesJupyterKernelTestsAndTheKernelOwnProtocolTests() throws Exception {
    JupyterEnvironment jupyter = JupyterEnvironment.create(temp);
    Path tests = Path.of(JupyterEnvironment.required("interestlab.pythonTests"));
    String jars = JupyterEnvironment.required("interestlab.testJars");
    JupyterEnvironment.Result result = JupyterEnvironment.run(
        List.of(JupyterEnvironment.PYTHON.toString(), "-m", "unittest", "-v", "test_kernel"),
        tests, jupyter.env(Map.of("INTERESTLAB_TEST_JARS", jars)), 600);
    assertThat(result.exitCode()).as("python -m unittest test_kernel; output:\n%s", result.output()).isZero();
    // The suite ran (it was not silently skipped) and nothing was skipped except what the kernel lacks.
    assertThat(result.output()).contains("test_execute_stdout", "test_is_complete", "test_completion",
        "test_display_data", "test_interrupt_stops_an_infinite_loop_and_the_next_cell_runs",
        "test_1_jars_puts_a_newer_gson_ahead_of_the_kernel_and_interestlab");
    assertThat(result.output()).doesNotContain("JarsMagic) ... skipped");
  }
}
