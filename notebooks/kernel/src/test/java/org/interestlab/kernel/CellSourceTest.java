package org.interestlab.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CellSourceTest {
  @Test
  void magicsSplitTheCellInOrderAndKeepLineNumbers() {
    CellSource s = CellSource.parse("int a = 1;\n%jars lib/x.jar \"my dir/y.jar\"\nint b = a;");
    assertThat(s.parts()).hasSize(3);
    assertThat(s.parts().get(0)).isEqualTo(new CellSource.Code("int a = 1;\n"));
    assertThat(s.parts().get(1)).isEqualTo(new CellSource.Magic("jars", "lib/x.jar \"my dir/y.jar\"", 2));
    // The code after the magic starts on the cell's line 3 (one newline per line above, for positions).
    assertThat(((CellSource.Code) s.parts().get(2)).source()).isEqualTo("\nint b = a;");
    assertThat(ClasspathMagics.splitArgs("lib/x.jar \"my dir/y.jar\"")).isEqualTo(List.of("lib/x.jar", "my dir/y.jar"));
  }

  @Test
  void percentInsideCodeIsNotAMagic() {
    CellSource s = CellSource.parse("int r = 7 % 3;\n  %notAtLineStart");
    assertThat(s.hasMagic()).isFalse();
  }

  @Test
  void classpathFileSkipsBlanksAndReportsMissingEntries() {
    ProjectClasspath cp = ProjectClasspath.of("/no/such/a.jar:" + System.getProperty("java.io.tmpdir") + "\n");
    assertThat(cp.missing()).extracting(Object::toString).containsExactly("/no/such/a.jar");
    assertThat(cp.entries()).hasSize(1);
  }
}
