package dev.papers.cli;

import dev.papers.app.App;
import dev.papers.report.RefreshReport;
import dev.papers.service.RefreshService;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code papers refresh}: the cron job (see {@link RefreshService}); {@code --plan} sends nothing. */
@Command(name = "refresh", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    sortOptions = false,
    description = {"Re-fetch the counts of stale cached papers, never-counted first, then the oldest (for cron).",
        "Semantic Scholar in batches of 500, OpenAlex in OR-filters of 50, arXiv only for metadata older",
        "than 30 days. One refresh at a time per cache; silent on success unless stdout is a terminal."},
    footer = {"", "Examples:", "  papers refresh", "  papers refresh --plan",
        "  papers refresh --older-than 3d --limit 1000 --summary",
        "  papers refresh --deadline 5h --log cache/.state/refresh.log     (cron)",
        "", "Exit codes: 0 done (also when stopped at --deadline), 1 failed, 2 bad input, 3 partial,",
        "75 try again later (rate limited, or another refresh holds the lock)."})
public final class RefreshCommand implements Callable<Integer> {
  private final App app;

  @Spec CommandSpec spec;
  @Mixin CommonOptions common;

  @Option(names = "--older-than", paramLabel = "DURATION", converter = Converters.Durations.class,
      description = "A count older than this is stale (default: 7d).")
  Duration olderThan;

  @Option(names = "--limit", paramLabel = "N", converter = Converters.Positive.class, description = "Refresh at most N papers, the stalest.")
  Integer limit;

  @Option(names = "--sources", paramLabel = "LIST", converter = Converters.Sources.class,
      description = "Comma list of s2 and openalex (counts), arxiv (metadata older than 30 days), scholar"
          + " (default: arxiv,s2,openalex).")
  Converters.SourceChoice sources;

  @Option(names = "--deadline", paramLabel = "DURATION", converter = Converters.PositiveDurations.class,
      description = "Stop cleanly before a request that could end later than this after the start.")
  Duration deadline;

  @Option(names = "--wait", description = "Wait for another refresh of this cache to end instead of exiting 75.")
  boolean waitForLock;

  @Option(names = "--summary", description = "Print one line: refreshed, failed, skipped, requests, time.")
  boolean summary;

  @Option(names = "--log", paramLabel = "FILE", description = "Append one line per run to FILE.")
  Path log;

  @Option(names = "--plan", description = "Per source: stale papers, requests a run would send, least time; send nothing.")
  boolean plan;

  public RefreshCommand(App app) {
    this.app = app;
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    var options = new RefreshService.Options(olderThan, limit, Converters.SourceChoice.or(sources, app), deadline);
    if (plan) {
      RefreshPlan.print(app.refresh().plan(options), options.olderThan(), out);
      return ExitCodes.OK;
    }
    String command = "papers " + String.join(" ", spec.commandLine().getParseResult().originalArgs());
    RefreshService.Report rep = app.refresh().run(options, command, waitForLock, holder -> {
      if (common.verbose() || Terminal.interactive()) {
        err.println("papers: waiting for the other refresh (" + holder + ") to end…");
        err.flush();
      }
    }, Terminal.progress(err, true));
    if (rep.lockedBy() != null) {
      err.println("papers: another refresh is running on " + app.cache().root() + " (" + rep.lockedBy()
          + "); try later or pass --wait");
      err.flush();
      log(RefreshReport.logLine(rep.startedAt(), ExitCodes.TRY_LATER, null, Map.of(), rep.millis(),
          "locked by " + rep.lockedBy()), err);
      return ExitCodes.TRY_LATER;
    }
    RefreshService.Result r = rep.result();
    if (summary || Terminal.interactive()) {
      out.println("papers refresh: " + RefreshReport.summaryLine(r.counts(), rep.requests(), rep.millis()));
      out.flush();
    }
    Commands.notes(r.notes().stream().filter(n -> common.verbose() || n.startsWith("skipped a broken")
        || sources != null && n.startsWith("scholar:")).toList(), err);
    int code = Commands.finish(r.outcome(), err);
    log(RefreshReport.logLine(rep.startedAt(), code, r.counts(), rep.requests(), rep.millis(),
        r.stoppedBecause() != null ? "stopped: " + r.stoppedBecause()
        : r.stoppedAtDeadline() ? "stopped at the deadline" : null), err);
    if (rep.indexProblem() != null && common.verbose()) {
      err.println("papers: the rank index was not brought up to date: " + rep.indexProblem());
    }
    return code;
  }

  private void log(String line, PrintWriter err) {
    RefreshReport.appendOrSay(log, line, problem -> err.println("papers: " + problem));
  }
}
