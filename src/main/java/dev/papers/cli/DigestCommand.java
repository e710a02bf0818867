package dev.papers.cli;

import dev.papers.app.App;
import dev.papers.digest.Digest;
import dev.papers.report.DigestFormat;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code papers digest}: offline. */
@Command(name = "digest", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class, sortOptions = false,
    description = {"A topic's newsletter from what the cache holds (offline): the papers new since a date,",
        "the papers whose count grew most since then, and the reading list (rank's first N)."},
    footer = {"", "Examples:", "  papers digest --topic distillation",
        "  papers digest --topic distillation --since 2026-11-01 > digest.md",
        "  papers digest --topic distillation --since 30d --format html > digest.html",
        "  papers digest --topic distillation --format json | jq '.rising[] | {id, growth, source}'"})
public final class DigestCommand implements Callable<Integer> {
  private final App app;

  @Spec CommandSpec spec;
  @Mixin CommonOptions common;

  @Option(names = "--topic", required = true, paramLabel = "NAME", description = "The topic (queries/NAME.json).")
  String topic;

  @Option(names = "--since", paramLabel = "DATE|DURATION",
      description = "The window's start: a date (YYYY-MM-DD, the start of that day UTC), a duration before now"
          + " (7d, 2w, 36h) or an ISO-8601 instant (default: 7d).")
  String since;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "markdown", converter = Converters.DigestFormats.class,
      description = "markdown (default), html (one self-contained page with a chart per paper) or json.")
  DigestFormat format;

  @Option(names = "--limit", paramLabel = "N", converter = Converters.Count.class, description = "The reading list's length (default: 10).")
  Integer limit;

  public DigestCommand(App app) {
    this.app = app;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Digest d = app.digest().digest(topic, since, limit, w -> err.println("papers: " + w));
    format.writer().write(d, out);
    out.flush();
    return ExitCodes.OK;
  }
}
