package org.interestlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.interestlab.robustness.Cli;
import org.junit.jupiter.api.Test;

/** Only the named subcommand is built for a run; help and typos still see every subcommand. */
class LabCommandLineTest {
  private static final String[] ALL = {"run", "compare", "encode", "cluster", "metrics", "datasets", "bench", "notebook", "help"};

  @Test
  void aNamedSubcommandIsBuiltAlone() {
    assertThat(Lab.commandLine("cluster", "--input", "x.npy").getSubcommands().keySet()).containsExactly("cluster");
    assertThat(Lab.commandLine("bench", "run").getSubcommands().keySet()).containsExactly("bench");
  }

  @Test
  void helpRootOptionsAndTyposSeeEverySubcommand() {
    for (String[] args : new String[][] {{}, {"--help"}, {"help", "cluster"}, {"--debug", "cluster"}, {"clustr"}}) {
      assertThat(Lab.commandLine(args).getSubcommands().keySet()).as(String.join(" ", args)).containsExactly(ALL);
    }
  }

  @Test
  void rootHelpListsEverySubcommandAndATypoIsOneUserError() {
    Cli.Result help = Cli.lab("--help");
    assertThat(help.code()).isZero();
    for (String name : ALL) assertThat(help.out()).contains("  " + name + " ");
    Cli.Result typo = Cli.lab("clustr");
    assertThat(typo.code()).isEqualTo(Lab.USER_ERROR);
    assertThat(typo.err().strip()).startsWith("error: ").doesNotContain("\n");
  }
}
