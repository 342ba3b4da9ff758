"""Protocol tests of the installed `java` kernelspec, run with /usr/bin/python3 -m unittest.

JavaKernelConformance is Jupyter's own kernel test suite (jupyter_kernel_test); the other classes
check what the kernel promises beyond it: interrupt, failing cells, InterestLab on the classpath,
%jars and the project renderers. Each class starts its own kernel.

Environment: JUPYTER_PATH (or JUPYTER_DATA_DIR) holding kernels/java; INTERESTLAB_TEST_JARS, a
folder with gson-2.13.2.jar and apiguardian-api-1.1.2.jar (copied there by Maven).
"""
import os
import tempfile
import time
import unittest
from queue import Empty

import jupyter_kernel_test
from jupyter_client.manager import start_new_kernel

TEST_JARS = os.environ.get("INTERESTLAB_TEST_JARS", "")


class JavaKernelConformance(jupyter_kernel_test.KernelTests):
    kernel_name = "java"
    language_name = "Java"
    file_extension = ".jshell"

    code_hello_world = 'System.out.println("hello, world");'
    code_stderr = 'System.err.println("to stderr");'

    code_generate_error = 'throw new IllegalStateException("boom");'

    code_execute_result = [
        {"code": "6 * 7", "result": "42"},
        {"code": '"interest".toUpperCase()', "result": "INTEREST"},
        {"code": "int a = 2;\nint b = 3;\na + b", "result": "5"},
    ]

    code_display_data = [
        {"code": 'display(tech.tablesaw.api.Table.create("t", tech.tablesaw.api.IntColumn.create("n", 1, 2)));',
         "mime": "text/html"},
        {"code": 'display("plain text");', "mime": "text/plain"},
    ]

    completion_samples = [
        {"text": "Math.ma", "matches": {"max("}},
        {"text": "Syste", "matches": {"System"}},
        {"text": 'String s = "a"; s.toUpperC', "matches": {"toUpperCase("}},
    ]

    complete_code_samples = ["1 + 1", "int x = 1;", "int x = 1", "for (int i = 0; i < 3; i++) { }",
                             "%jars lib/*.jar"]
    incomplete_code_samples = ["for (int i = 0; i < 3; i++) {", 'String s = "a" +', "class A {"]
    invalid_code_samples = ["}", ")"]

    code_inspect_sample = "Math.max"


class KernelCase(unittest.TestCase):
    """One kernel per class; `run` executes a cell and collects its outputs."""

    @classmethod
    def setUpClass(cls):
        cls.km, cls.kc = start_new_kernel(kernel_name="java", startup_timeout=60)

    @classmethod
    def tearDownClass(cls):
        cls.kc.stop_channels()
        cls.km.shutdown_kernel(now=True)

    def run_cell(self, code, timeout=60):
        outputs = []
        reply = self.kc.execute_interactive(code, timeout=timeout, output_hook=outputs.append)
        return reply["content"], outputs

    def value(self, code):
        content, outputs = self.run_cell(code)
        self.assertEqual(content["status"], "ok", f"{code!r} failed: {content}")
        results = [o["content"]["data"] for o in outputs if o["msg_type"] == "execute_result"]
        self.assertEqual(len(results), 1, f"{code!r}: expected one execute_result, got {outputs}")
        return results[0]

    def text(self, code):
        return self.value(code)["text/plain"]

    def error(self, code):
        content, outputs = self.run_cell(code)
        self.assertEqual(content["status"], "error", f"{code!r} should fail: {content}")
        errors = [o["content"] for o in outputs if o["msg_type"] == "error"]
        self.assertEqual(len(errors), 1, outputs)
        return errors[0]


class InterruptAndErrors(KernelCase):
    def test_interrupt_stops_an_infinite_loop_and_the_next_cell_runs(self):
        msg_id = self.kc.execute("long spins = 0;\nwhile (true) { spins++; }")
        time.sleep(2)  # let it spin
        started = time.monotonic()
        self.km.interrupt_kernel()
        while True:
            reply = self.kc.get_shell_msg(timeout=20)
            if reply["parent_header"].get("msg_id") == msg_id:
                break
        self.assertLess(time.monotonic() - started, 10)
        self.assertEqual(reply["content"]["status"], "error")
        self.assertEqual(reply["content"]["ename"], "InterruptedException")
        self.assertEqual(self.text("1 + 1"), "2")

    def test_interrupt_stops_a_sleeping_cell(self):
        msg_id = self.kc.execute("Thread.sleep(600_000);")
        time.sleep(1)
        self.km.interrupt_kernel()
        while True:
            reply = self.kc.get_shell_msg(timeout=20)
            if reply["parent_header"].get("msg_id") == msg_id:
                break
        self.assertEqual(reply["content"]["status"], "error")
        self.assertEqual(self.text('"still here"'), "still here")

    def test_interrupt_stops_a_loop_that_catches_throwable(self):
        msg_id = self.kc.execute("long rounds = 0;\n"
                                 "while (true) { try { Thread.sleep(5); rounds++; } catch (Throwable t) { } }")
        time.sleep(2)
        started = time.monotonic()
        self.km.interrupt_kernel()
        while True:
            reply = self.kc.get_shell_msg(timeout=20)
            if reply["parent_header"].get("msg_id") == msg_id:
                break
        self.assertLess(time.monotonic() - started, 10)
        self.assertEqual(reply["content"]["ename"], "InterruptedException")
        self.assertEqual(self.text("rounds > 0"), "true")

    def test_system_exit_in_a_cell_is_an_error_and_the_session_goes_on(self):
        self.run_cell("int keptAcrossExit = 41;")
        err = self.error("System.exit(1);")
        self.assertIn("java.lang.SecurityException: System.exit(1) was called in a cell", "\n".join(err["traceback"]))
        self.assertTrue(self.km.is_alive())
        self.assertEqual(self.text("keptAcrossExit + 1"), "42")

    def test_a_throwing_cell_reports_class_and_message_and_the_kernel_keeps_going(self):
        err = self.error('int k = 7;\nthrow new IllegalArgumentException("bad k: " + k);')
        self.assertEqual(err["evalue"], "bad k: 7")
        self.assertIn("java.lang.IllegalArgumentException: bad k: 7", "\n".join(err["traceback"]))
        # Declarations before the failing statement stay.
        self.assertEqual(self.text("k * 6"), "42")

    def test_an_exception_from_a_method_shows_its_cause(self):
        err = self.error('void f() { throw new RuntimeException("outer", new java.io.IOException("disk")); }\nf();')
        tb = "\n".join(err["traceback"])
        self.assertIn("java.lang.RuntimeException: outer", tb)
        self.assertIn("Caused by: java.io.IOException: disk", tb)

    def test_a_compile_error_names_the_position_and_the_message(self):
        err = self.error('int ok = 1;\nint x = "a";')
        self.assertEqual(err["ename"], "CompilationException")
        self.assertIn("line 2, column 9", err["evalue"])
        self.assertIn("incompatible types", err["evalue"])
        self.assertIn('int x = "a";', "\n".join(err["traceback"]))
        self.assertEqual(self.text("ok + 1"), "2")

    def test_an_unknown_symbol_is_a_compile_error(self):
        err = self.error("undefinedThing.run();")
        self.assertEqual(err["ename"], "CompilationException")
        self.assertIn("cannot find symbol", err["evalue"])

    def test_stdout_streams_while_the_cell_runs(self):
        arrivals = []
        started = time.monotonic()

        def hook(msg):
            if msg["msg_type"] == "stream":
                arrivals.append((time.monotonic() - started, msg["content"]["text"]))

        self.kc.execute_interactive(
            'System.out.println("first");\nThread.sleep(2000);\nSystem.out.println("second");',
            timeout=30, output_hook=hook)
        first = [t for t, text in arrivals if "first" in text]
        second = [t for t, text in arrivals if "second" in text]
        self.assertTrue(first and second, arrivals)
        self.assertLess(first[0], second[0] - 1.0, arrivals)


class ProjectClasspath(KernelCase):
    def test_a_cell_imports_an_interestlab_class_without_any_magic(self):
        self.assertEqual(self.text("import org.interestlab.UserException;\n"
                                   'new UserException("x").getClass().getName()'),
                         "org.interestlab.UserException")
        self.assertEqual(self.text("import org.interestlab.experiment.Registry;\n"
                                   "Registry.class.getSimpleName()"), "Registry")

    def test_interestlab_runs_in_a_cell_on_its_djl_engine(self):
        # Two pairs of points one apart: k-means with k = 2 puts each pair in a cluster, every point 0.5
        # from its centroid, so the inertia is 4 * 0.5^2 = 1.0.
        self.assertEqual(self.text("import org.interestlab.cluster.*;\n"
                                   "import org.interestlab.compute.Embeddings;\n"
                                   "Embeddings pts = Embeddings.of(new float[][] {{0, 0}, {0, 1}, {10, 10}, {10, 11}});\n"
                                   "Clustering c = KMeans.of(2).fit(pts);\n"
                                   'java.util.Arrays.toString(c.sizes()) + " inertia " + c.inertia()'),
                         "[2, 2] inertia 1.0")

    def test_the_kernel_own_libraries_are_not_visible_under_their_names(self):
        # zeromq is shaded and relocated: a cell cannot see it as org.zeromq.
        err = self.error('Class.forName("org.zeromq.ZMQ")')
        self.assertIn("ClassNotFoundException", "\n".join(err["traceback"]))

    def test_a_table_renders_as_html_and_text(self):
        data = self.value('import tech.tablesaw.api.*;\n'
                          'Table.create("scores", StringColumn.create("user", "ann", "<bob>"), '
                          'DoubleColumn.create("ndcg", 0.5, 0.25))')
        html = data["text/html"]
        self.assertIn("<table>", html)
        self.assertIn("<th>ndcg</th>", html)
        self.assertIn("&lt;bob&gt;", html)
        self.assertIn("2 rows × 2 columns", html)
        self.assertIn("ann", data["text/plain"])

    def test_display_shows_now_and_its_id_is_not_an_extra_output(self):
        content, outputs = self.run_cell('String id = display(tech.tablesaw.api.Table.create("t"));\n'
                                         'display("second")')
        self.assertEqual(content["status"], "ok")
        kinds = [o["msg_type"] for o in outputs if o["msg_type"] in ("display_data", "execute_result")]
        self.assertEqual(kinds, ["display_data", "display_data"])
        self.assertEqual(len(self.text("id")), 36)  # the display id, a UUID, for updateDisplay(id, ...)

    def test_the_display_api_is_importable_under_its_own_package(self):
        data = self.value("import io.github.spencerpark.jupyter.kernel.display.DisplayData;\n"
                          'DisplayData d = new DisplayData("plain");\n'
                          'd.putHTML("<b>rich</b>");\n'
                          "d")
        self.assertEqual(data["text/html"], "<b>rich</b>")
        self.assertEqual(data["text/plain"], "plain")

    def test_render_returns_the_rendering_as_the_cell_value(self):
        data = self.value('render(tech.tablesaw.api.Table.create("t", tech.tablesaw.api.IntColumn.create("n", new int[] {7})))')
        self.assertIn("<td>7</td>", data["text/html"])

    def test_a_figure_renders_with_plotly(self):
        data = self.value('import tech.tablesaw.plotly.components.*;\n'
                          'import tech.tablesaw.plotly.traces.*;\n'
                          'new Figure(ScatterTrace.builder(new double[] {1, 2, 3}, new double[] {3, 1, 2}).build())')
        html = data["text/html"]
        self.assertIn("Plotly.newPlot", html)
        if "plotly.js-dist-min" in html:
            self.assertNotIn("<script src=", html)
        else:
            self.assertIn("cdn.plot.ly", html)


@unittest.skipUnless(TEST_JARS, "INTERESTLAB_TEST_JARS is not set")
class JarsMagic(KernelCase):
    def test_1_jars_puts_a_newer_gson_ahead_of_the_kernel_and_interestlab(self):
        gson = os.path.join(TEST_JARS, "gson-2.13.2.jar")
        where = self.text(f'%jars {gson}\n'
                          'com.google.gson.Gson.class.getProtectionDomain().getCodeSource().getLocation().getPath()')
        self.assertTrue(where.endswith("gson-2.13.2.jar"), where)
        self.assertEqual(self.text('new com.google.gson.Gson().toJson(java.util.Map.of("k", 1))'), '{"k":1}')
        # A compile-time constant, inlined by javac from the Gson it compiles against: the compiler sees
        # the added jar first too, not only the class loader.
        self.assertEqual(self.text("com.google.gson.internal.GsonBuildConfig.VERSION"), "2.13.2")

    def test_2_jars_makes_a_class_from_the_jar_importable(self):
        err = self.error("import org.apiguardian.api.API;")
        self.assertIn("org.apiguardian", err["evalue"])
        jar = os.path.join(TEST_JARS, "apiguardian-api-*.jar")  # a glob, as IJava allows
        self.assertEqual(self.text(f"%jars {jar}\nimport org.apiguardian.api.API;\nAPI.Status.STABLE"), "STABLE")

    def test_3_jars_without_a_match_is_one_clear_error(self):
        err = self.error("%jars /no/such/dir/nothing.jar")
        self.assertEqual(err["ename"], "MagicException")
        self.assertIn("no jar file matches '/no/such/dir/nothing.jar'", err["evalue"])

    def test_4_unknown_magic_names_the_known_ones(self):
        err = self.error("%foo bar")
        self.assertIn("unknown magic %foo", err["evalue"])
        self.assertIn("%jars", err["evalue"])

    def test_5_classpath_adds_a_folder(self):
        with tempfile.TemporaryDirectory() as folder:
            with open(os.path.join(folder, "hello.txt"), "w") as f:
                f.write("hello from a folder\n")
            self.assertEqual(self.text(f"%classpath {folder}\n"
                                       "new String(Thread.currentThread().getContextClassLoader()"
                                       '.getResourceAsStream("hello.txt").readAllBytes()).strip()'),
                             "hello from a folder")

if __name__ == "__main__":
    unittest.main()
