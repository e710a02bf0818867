package dev.papers.cli;

import dev.papers.app.App;
import dev.papers.cache.PaperCache;
import dev.papers.report.TopicsWriter;
import dev.papers.topic.TopicCatalog;
import dev.papers.topic.TopicStore;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code papers topics}: offline. */
@Command(name = "topics", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = {"List the topics: the files of the topics directory, and the tags of cached papers",
        "(a tag alone makes a topic), with their member counts (offline)."},
    footer = {"", "Examples:", "  papers topics", "  papers topics --json"})
public final class TopicsCommand implements Callable<Integer> {
  private final App app;

  @Spec CommandSpec spec;
  @Mixin CommonOptions common;

  @Option(names = "--json", description = "Print the topics as a JSON array.")
  boolean json;

  public TopicsCommand(App app) {
    this.app = app;
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    PaperCache.Snapshot all = app.cache().loadAll();
    all.problems().forEach(p -> err.println("papers: skipped a broken cache file: " + p));
    TopicStore store = app.topics();
    List<TopicCatalog.Entry> topics = TopicCatalog.list(store, all.papers());
    if (topics.isEmpty() && !json) {
      err.println("papers: no topics: no file in " + store.dir() + " and no tagged paper in the cache"
          + " (papers import FILE --topic NAME tags papers)");
      return ExitCodes.OK;
    }
    if (json) {
      TopicsWriter.json(topics, out);
    } else {
      TopicsWriter.table(topics, Commands.reportOptions(app, false), out);
    }
    return ExitCodes.OK;
  }
}
