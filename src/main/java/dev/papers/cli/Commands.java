package dev.papers.cli;

import dev.papers.model.Source;
import dev.papers.App;
import dev.papers.cache.CacheException;
import dev.papers.cache.PaperCache;
import dev.papers.cache.PaperIndex;
import dev.papers.rank.Candidates;
import dev.papers.rank.Ranker;
import dev.papers.model.Paper;
import dev.papers.service.FetchService;
import dev.papers.service.Outcome;
import dev.papers.service.ScholarLookup;
import java.io.PrintWriter;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/** What several commands share: the default sources, the services, the closing messages. */
final class Commands {
  private Commands() {}

  /** {@code PAPERS_SOURCES} from the environment or configuration, else arxiv and s2. */
  static Set<Source> defaultSources(App app) {
    return SourceList.parse(app.settings().get("PAPERS_SOURCES"), new java.util.LinkedHashSet<>(Source.defaults()));
  }

  static FetchService fetchService(App app) {
    return new FetchService(app.cache(), () -> app.sources().arxiv(), () -> app.sources().s2(),
        () -> app.sources().s2(), () -> app.sources().s2(),
        new ScholarLookup(app.cache(), () -> app.sources().scholar(), app.clock()), app.clock());
  }

  /** Prints what failed, one line per kind of failure, and returns the exit code. */
  static int finish(Outcome outcome, PrintWriter err) {
    for (String m : outcome.messages()) {
      err.println("papers: " + m);
    }
    err.flush();
    return outcome.exitCode();
  }

  static int harvest(App app, picocli.CommandLine.Model.CommandSpec spec, String topic, List<dev.papers.model.PaperId> ids,
      Integer max, Set<Source> sources, boolean histogram, boolean json, CommonOptions common) throws Exception {
    return Harvest.run(app, spec, topic, ids, max, sources, histogram, json, common);
  }

  /** Colour and width for this run's output: colour only on a terminal without NO_COLOR. */
  static dev.papers.report.ReportOptions reportOptions(App app, boolean explain) {
    return reportOptions(app, explain, false);
  }

  /** As above; the terminal's width when stdout is one, else (or with {@code wide}) no width limit. */
  static dev.papers.report.ReportOptions reportOptions(App app, boolean explain, boolean wide) {
    java.util.Map<String, String> env = app.settings().env();
    boolean tty = Terminal.interactive();
    return dev.papers.report.ReportOptions.forOutput(tty, env.get("NO_COLOR"),
        tty && !wide ? Terminal.columns(env) : null, explain, wide);
  }

  /** The format a {@code --format} value names; bad input (exit 2) for any other. */
  static dev.papers.report.Format format(String value) {
    try {
      return dev.papers.report.Format.parse(value);
    } catch (IllegalArgumentException e) {
      throw new dev.papers.config.UsageException("--format: " + e.getMessage());
    }
  }

  /** Ranks a topic over the cache's rank index; over the paper files when no index can be written. */
  static dev.papers.rank.RankResult rank(App app, dev.papers.topic.Topic t, dev.papers.rank.RankOptions options,
      PrintWriter err) {
    PaperIndex.View index;
    try {
      index = app.cache().index();
    } catch (CacheException e) {
      // No index can be written (a full disk, say): every paper file is read instead, as it is.
      err.println("papers: " + e.getMessage() + "; reading the paper files instead");
      index = null;
    }
    if (index == null) {
      PaperCache.Snapshot snapshot = app.cache().loadAll();
      snapshot.problems().forEach(p -> err.println("papers: skipped a broken cache file: " + p));
      return Ranker.rank(t, snapshot.papers(), options);
    } else {
      try (PaperIndex.View idx = index) {
        idx.problems().forEach(p -> err.println("papers: skipped a broken cache file: " + p));
        return Ranker.rank(t, new Candidates() {
          @Override
          public void forEach(Visitor v) {
            idx.forEach(rec -> v.visit(rec.paper(), rec::abstractText, rec.ref()));
          }

          @Override
          public Paper paper(long ref) {
            return idx.paper(ref);
          }
        }, options);
      }
    }
  }
}
