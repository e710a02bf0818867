package dev.papers.cli;

import dev.papers.App;
import dev.papers.cache.CacheException;
import dev.papers.cache.PaperCache;
import dev.papers.cache.PaperIndex;
import dev.papers.config.UsageException;
import dev.papers.rank.AsOf;
import dev.papers.rank.RankOptions;
import dev.papers.rank.RankResult;
import dev.papers.rank.Ranker;
import dev.papers.report.Format;
import dev.papers.topic.Topic;
import dev.papers.topic.TopicStore;
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
        "  papers rank --topic distillation --explain"})
public final class RankCommand implements Callable<Integer> {
  private final App app;

  @Spec CommandSpec spec;
  @Mixin CommonOptions common;

  @Option(names = "--topic", required = true, paramLabel = "NAME", description = "The topic (queries/NAME.json).")
  String topic;

  @Option(names = "--limit", paramLabel = "N", description = "Rank at most N papers (default: all).")
  Integer limit;

  @Option(names = "--since", paramLabel = "YEAR", description = "Drop papers older than YEAR, except the topic's include (default: the topic's since).")
  Integer since;

  @Option(names = "--as-of", paramLabel = "DATE", description = "Rank as at the end of DATE (UTC): later observations do not exist. Overrides PAPERS_NOW.")
  String asOf;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
      description = "table (default), markdown, json, csv or bibtex.")
  String format;

  @Option(names = "--explain", description = "Show, per paper, the method, the source and the numbers that went in.")
  boolean explain;

  public RankCommand(App app) {
    this.app = app;
  }

  @Override
  public Integer call() throws Exception {
    Format f;
    try {
      f = Format.parse(format);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--format: " + e.getMessage());
    }
    if (limit != null && limit < 0) {
      throw new UsageException("--limit: must be 0 or more");
    }
    Instant when = AsOf.resolve(asOf, app.clock());
    Topic t = new TopicStore(app.settings().queriesDir()).load(topic);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    RankOptions options = new RankOptions(since, limit, when);
    RankResult r;
    PaperIndex.View index;
    try {
      index = app.cache().index();
    } catch (CacheException e) {
      // No index can be written (a full disk, say): every paper file is read instead, as it is.
      err.println("papers: " + e.getMessage() + "; reading the paper files instead");
      index = null;
    }
    if (index == null) {
      PaperCache.Snapshot all = app.cache().loadAll();
      all.problems().forEach(p -> err.println("papers: skipped a broken cache file: " + p));
      r = Ranker.rank(t, all.papers(), options);
    } else {
      try (PaperIndex.View idx = index) {
        idx.problems().forEach(p -> err.println("papers: skipped a broken cache file: " + p));
        r = Ranker.rank(t, idx.candidates(), options);
      }
    }
    f.writer(Commands.reportOptions(app, explain)).write(r, out);
    out.flush();
    return ExitCodes.OK;
  }
}
