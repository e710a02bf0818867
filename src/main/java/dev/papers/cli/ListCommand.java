package dev.papers.cli;

import dev.papers.config.UsageException;
import dev.papers.app.App;
import dev.papers.cache.PaperCache;
import dev.papers.model.Paper;
import dev.papers.report.ListFormats;
import dev.papers.report.ReportFormat;
import dev.papers.topic.Membership;
import dev.papers.topic.Topic;
import java.io.PrintWriter;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code papers list}: offline. */
@Command(name = "list", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = "List what the cache holds, or a topic's members (offline).",
    footer = {"", "Examples:", "  papers list", "  papers list --topic distillation",
        "  papers list --json | jq length", "  papers list --topic distillation --format bibtex > distillation.bib"})
public final class ListCommand implements Callable<Integer> {
  private final App app;

  @Spec CommandSpec spec;
  @Mixin CommonOptions common;

  @Option(names = "--topic", paramLabel = "NAME",
      description = "Only the topic's members (as rank counts them): queries/NAME.json, or the papers tagged NAME.")
  String topic;

  @Option(names = "--since", paramLabel = "YEAR", description = "With --topic: drop papers older than YEAR (default: the topic's since).")
  Integer since;

  @Option(names = "--json", description = "Print the records as a JSON array (--format json).")
  boolean json;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table", converter = Converters.Formats.class,
      description = "table (default), markdown, json, csv or bibtex.")
  ReportFormat format;

  @Option(names = "--wide", description = "Cut no title to fit the terminal (output to a pipe or a file never is).")
  boolean wide;

  public ListCommand(App app) {
    this.app = app;
  }

  @Override
  public Integer call() throws Exception {
    if (json && spec.commandLine().getParseResult().hasMatchedOption("--format") && format != ReportFormat.JSON) {
      throw new UsageException("--json and --format " + format.flag() + " ask for two formats; give one");
    }
    if (since != null && topic == null) {
      throw new UsageException("--since works with --topic (it drops a topic's older papers); add --topic NAME");
    }
    ReportFormat f = json ? ReportFormat.JSON : format;
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    PaperCache.Snapshot all = app.cache().loadAll();
    all.problems().forEach(p -> err.println("papers: skipped a broken cache file: " + p));
    Membership.Members members;
    String heading;
    if (topic != null) {
      Topic t = app.topics().resolve(topic);
      members = Membership.of(t, all.papers(), since);
      if (t.tagOnly() && members.papers().isEmpty()) {
        throw app.topics().unknown(topic);
      }
      heading = t.title() + " (" + t.name() + ")";
    } else {
      members = new Membership.Members(
          all.papers().stream().sorted(Comparator.comparing(Paper::id)).toList(), List.of(), null);
      heading = "The papers of " + app.cache().root();
    }
    if (members.papers().isEmpty() && members.notCached().isEmpty() && f != ReportFormat.JSON) {
      err.println("papers: " + (topic == null ? "the cache " + app.cache().root() + " is empty"
          : "topic " + topic + " has no members in the cache " + app.cache().root())
          + " (fetch papers: papers fetch ID...)");
      return ExitCodes.OK;
    }
    ListFormats.write(f, heading, members.papers(), members.notCached(), app.clock().instant(),
        Commands.reportOptions(app, false, wide), note -> err.println("papers: " + note), out);
    return ExitCodes.OK;
  }
}
