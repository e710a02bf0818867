package dev.papers.cli;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code papers}: the top-level command. */
@Command(name = "papers", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = {"Harvest paper metadata and citation counts from arXiv, Semantic Scholar, OpenAlex",
        "and Google-Scholar-style pages into a local JSON cache, and rank a topic's papers",
        "by citation velocity."},
    footer = {"", "Environment: PAPERS_CACHE, PAPERS_QUERIES, PAPERS_ARXIV_URL, PAPERS_S2_URL,",
        "PAPERS_OPENALEX_URL, PAPERS_SCHOLAR_URL, PAPERS_S2_API_KEY, PAPERS_OPENALEX_API_KEY,",
        "PAPERS_*_INTERVAL, PAPERS_MAX_RETRIES, PAPERS_MAX_BACKOFF, PAPERS_NOW, HTTPS_PROXY,",
        "HTTP_PROXY, NO_PROXY (see README.md).",
        "Exit codes: 0 done, 1 failed, 2 bad input, 3 partial, 75 try again later."})
public final class PapersCommand implements Runnable {
  /**
   * The subcommands, in the order {@code --help} lists them. They are added by {@link #subcommandsFor}
   * rather than by the annotation, so that a run builds the model of the one command it runs: picocli
   * reads every option of every command it is given, and that is most of a short command's start-up.
   */
  public static final Map<String, Class<?>> SUBCOMMANDS = subcommands();

  @Spec CommandSpec spec;

  private static Map<String, Class<?>> subcommands() {
    Map<String, Class<?>> m = new LinkedHashMap<>();
    m.put("fetch", FetchCommand.class);
    m.put("show", ShowCommand.class);
    m.put("list", ListCommand.class);
    m.put("rank", RankCommand.class);
    m.put("digest", DigestCommand.class);
    m.put("export", ExportCommand.class);
    m.put("topics", TopicsCommand.class);
    m.put("import", ImportCommand.class);
    m.put("refresh", RefreshCommand.class);
    m.put("suggest", SuggestCommand.class);
    m.put("completion", CompletionCommand.class);
    m.put("help", HelpCommand.class);
    return Collections.unmodifiableMap(m);
  }

  /**
   * The subcommands a command line needs: the one it names; for {@code help NAME}, that one and
   * {@code help}; none for {@code --version}; every one otherwise (no command, {@code --help}, a name
   * that is none of them), so that the usage lists them all.
   */
  public static List<String> subcommandsFor(String[] args) {
    int i = 0;
    boolean help = false;
    while (i < args.length && args[i].startsWith("-") && !args[i].equals("--")) {
      help |= args[i].equals("-h") || args[i].equals("--help");
      i++;
    }
    if (help) {
      return List.copyOf(SUBCOMMANDS.keySet()); // the top-level usage, which lists them all
    }
    for (int j = 0; j < i; j++) {
      if (args[j].equals("-V") || args[j].equals("--version")) {
        return List.of(); // answered by the top-level command alone
      }
    }
    String first = i < args.length ? args[i] : null;
    if (first != null && SUBCOMMANDS.containsKey(first) && !first.equals("help")) {
      return List.of(first);
    }
    if ("help".equals(first) && i + 1 < args.length && SUBCOMMANDS.containsKey(args[i + 1])) {
      return args[i + 1].equals("help") ? List.of("help") : List.of("help", args[i + 1]);
    }
    return List.copyOf(SUBCOMMANDS.keySet());
  }

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "name a command (see papers --help)");
  }
}
