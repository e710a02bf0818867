package dev.papers.cli;

import dev.papers.app.App;
import dev.papers.cache.PaperCache;
import dev.papers.json.Json;
import dev.papers.model.Paper;
import dev.papers.report.ListWriter;
import dev.papers.report.ReportOptions;
import dev.papers.topic.Membership;
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
    footer = {"", "Examples:", "  papers list", "  papers list --topic distillation", "  papers list --json | jq length"})
public final class ListCommand implements Callable<Integer> {
  private final App app;

  @Spec CommandSpec spec;
  @Mixin CommonOptions common;

  @Option(names = "--topic", paramLabel = "NAME", description = "Only the topic's members (as rank counts them).")
  String topic;

  @Option(names = "--since", paramLabel = "YEAR", description = "With --topic: drop papers older than YEAR (default: the topic's since).")
  Integer since;

  @Option(names = "--json", description = "Print the records as a JSON array.")
  boolean json;

  public ListCommand(App app) {
    this.app = app;
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    PaperCache.Snapshot all = app.cache().loadAll();
    all.problems().forEach(p -> err.println("papers: skipped a broken cache file: " + p));
    Membership.Members members;
    if (topic != null) {
      members = Membership.of(app.topics().load(topic), all.papers(), since);
    } else {
      members = new Membership.Members(
          all.papers().stream().sorted(Comparator.comparing(Paper::id)).toList(), List.of(), null);
    }
    if (members.papers().isEmpty() && members.notCached().isEmpty() && !json) {
      err.println("papers: " + (topic == null ? "the cache " + app.cache().root() + " is empty"
          : "topic " + topic + " has no members in the cache " + app.cache().root())
          + " (fetch papers: papers fetch ID...)");
      return ExitCodes.OK;
    }
    if (json) {
      Json.print(out, members.papers());
    } else {
      new ListWriter(Commands.reportOptions(app, false)).write(members, out);
      out.flush();
    }
    return ExitCodes.OK;
  }
}
