package dev.papers.cli;

import dev.papers.app.App;
import dev.papers.config.UsageException;
import dev.papers.model.InvalidIdException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code papers completion bash|zsh}: the shell completion script, from picocli's AutoComplete. */
@Command(name = "completion", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = {"Print a completion script for bash or zsh (commands, options, formats)."},
    footer = {"", "Install (each line once, then open a new shell):",
        "  bash: echo 'source <(papers completion bash)' >> ~/.bashrc",
        "  zsh:  echo 'source <(papers completion zsh)' >> ~/.zshrc",
        "Or write the script where your system looks for completions:",
        "  papers completion bash > ~/.local/share/bash-completion/completions/papers"})
public final class CompletionCommand implements Callable<Integer> {
  private final App app;

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "SHELL", description = "bash or zsh.")
  String shell;

  public CompletionCommand(App app) {
    this.app = app;
  }

  @Override
  public Integer call() throws Exception {
    String s = shell.strip().toLowerCase(java.util.Locale.ROOT);
    if (!s.equals("bash") && !s.equals("zsh")) {
      throw new UsageException("completion: unknown shell " + InvalidIdException.quote(shell) + "; shells: bash, zsh");
    }
    // The whole command tree (a run builds only the command it runs).
    CommandLine root = new CommandLine(PapersCommand.class, new CommandFactory(app));
    PapersCommand.SUBCOMMANDS.forEach(root::addSubcommand);
    String script = AutoComplete.bash("papers", root);
    PrintWriter out = spec.commandLine().getOut();
    if (s.equals("zsh")) {
      // picocli's script is a bash completion; zsh runs it through bashcompinit.
      out.print("autoload -U +X compinit && compinit\nautoload -U +X bashcompinit && bashcompinit\n");
    }
    out.print(script);
    out.flush();
    return ExitCodes.OK;
  }
}
