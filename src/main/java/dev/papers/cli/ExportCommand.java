package dev.papers.cli;

import dev.papers.app.App;
import dev.papers.config.UsageException;
import dev.papers.report.JsonLinesWriter;
import dev.papers.service.ExportService;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code papers export}: offline, every record as one JSON line, streamed. */
@Command(name = "export", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class, sortOptions = false,
    description = {"Every cached record (or a topic's members, the set list --topic shows) as JSON Lines:",
        "one record per line, with its whole history, for DuckDB, Spark or pandas (offline).",
        "Streamed: the memory it takes does not grow with the cache."},
    footer = {"", "Examples:", "  papers export > papers.jsonl",
        "  papers export --topic distillation > distillation.jsonl",
        "  duckdb -c \"SELECT id, title FROM read_json('papers.jsonl') LIMIT 5\""})
public final class ExportCommand implements Callable<Integer> {
  private final App app;

  @Spec CommandSpec spec;
  @Mixin CommonOptions common;

  @Option(names = "--topic", paramLabel = "NAME",
      description = "Only the topic's members (as rank and list count them): queries/NAME.json, or the papers tagged NAME.")
  String topic;

  @Option(names = "--since", paramLabel = "YEAR", description = "With --topic: drop papers older than YEAR (default: the topic's since).")
  Integer since;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "jsonl",
      description = "jsonl (the default and only format: one JSON record per line).")
  String format;

  public ExportCommand(App app) {
    this.app = app;
  }

  @Override
  public Integer call() throws Exception {
    if (!"jsonl".equals(format)) {
      throw new UsageException("--format: unknown format '" + format + "' (export writes jsonl)");
    }
    if (since != null && topic == null) {
      throw new UsageException("--since needs --topic");
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    JsonLinesWriter w = new JsonLinesWriter(out);
    ExportService.Result r = app.export().export(topic, since, w::write,
        p -> err.println("papers: skipped a broken cache file: " + p));
    out.flush();
    if (r.records() == 0) {
      err.println("papers: " + (topic == null ? "the cache " + app.cache().root() + " is empty"
          : "topic " + topic + " has no members in the cache " + app.cache().root()));
    }
    return ExitCodes.OK;
  }
}
