package dev.papers.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code papers}: the top-level command. */
@Command(name = "papers", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = {"Harvest paper metadata and citation counts from arXiv, Semantic Scholar and",
        "Google-Scholar-style pages into a local JSON cache, and rank a topic's papers",
        "by citation velocity."},
    subcommands = {FetchCommand.class, ShowCommand.class, ListCommand.class, RankCommand.class,
        ImportCommand.class, RefreshCommand.class, HelpCommand.class},
    footer = {"", "Environment: PAPERS_CACHE, PAPERS_QUERIES, PAPERS_ARXIV_URL, PAPERS_S2_URL,",
        "PAPERS_SCHOLAR_URL, PAPERS_S2_API_KEY, PAPERS_*_INTERVAL, PAPERS_MAX_RETRIES,",
        "PAPERS_MAX_BACKOFF, PAPERS_NOW, HTTPS_PROXY, HTTP_PROXY, NO_PROXY (see README.md).",
        "Exit codes: 0 done, 1 failed, 2 bad input, 3 partial, 75 try again later."})
public final class PapersCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "name a command (see papers --help)");
  }
}
