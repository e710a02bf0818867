package dev.papers.cli;

import dev.papers.app.App;
import dev.papers.rank.AsOf;
import dev.papers.rank.RankOptions;
import dev.papers.rank.RankResult;
import dev.papers.report.ReportFormat;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code papers rank}: offline, on what the cache holds. */
@Command(name = "rank", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class, sortOptions = false,
    description = {"\"Papers you should read\": a topic's papers ranked by citation velocity",
        "(citations per year), from what the cache holds (offline)."},
    footer = {"", "Examples:", "  papers rank --topic distillation",
        "  papers rank --topic distillation --since 2019 --limit 10 --format markdown > reading-list.md",
        "  papers rank --topic contrastive --as-of 2025-12-31 --format json",
        "  papers rank --topic distillation --format bibtex > distillation.bib",
        "  papers rank --topic distillation --format html > distillation.html",
        "  papers rank --topic distillation --explain"})
public final class RankCommand implements Callable<Integer> {
  private final App app;

  @Spec CommandSpec spec;
  @Mixin CommonOptions common;

  @Option(names = "--topic", required = true, paramLabel = "NAME", description = "The topic: queries/NAME.json, or the papers tagged NAME.")
  String topic;

  @Option(names = "--limit", paramLabel = "N", converter = Converters.Count.class, description = "List at most N papers, the ranked ones first (default: all).")
  Integer limit;

  @Option(names = "--all", description = "List the members not ranked yet too, whatever --limit says.")
  boolean all;

  @Option(names = "--wide", description = "Cut no title to fit the terminal (output to a pipe or a file never is).")
  boolean wide;

  @Option(names = "--since", paramLabel = "YEAR", description = "Drop papers older than YEAR, except the topic's include (default: the topic's since).")
  Integer since;

  @Option(names = "--as-of", paramLabel = "DATE", description = "Rank as at the end of DATE (UTC): later observations do not exist. Overrides PAPERS_NOW.")
  String asOf;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table", converter = Converters.Formats.class,
      description = "table (default), markdown, json, csv, bibtex or html (one self-contained page with a chart per paper).")
  ReportFormat format;

  @Option(names = "--explain", description = "Show, per paper, the method, the source and the numbers that went in.")
  boolean explain;

  public RankCommand(App app) {
    this.app = app;
  }

  @Override
  public Integer call() throws Exception {
    Instant when = AsOf.resolve(asOf, app.clock());
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    RankResult r = app.rank().rank(topic, new RankOptions(since, limit, when, all), w -> err.println("papers: " + w));
    format.writer(Commands.reportOptions(app, explain, wide), note -> err.println("papers: " + note)).write(r, out);
    return ExitCodes.OK;
  }
}
