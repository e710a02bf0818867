package dev.papers.cli;

import dev.papers.app.App;
import dev.papers.config.UsageException;
import dev.papers.report.ReportFormat;
import dev.papers.report.SuggestWriter;
import dev.papers.service.SuggestService;
import dev.papers.topic.Topic;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** {@code papers suggest}: papers to read next, from the citation graph around a topic. */
@Command(name = "suggest", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    sortOptions = false,
    description = {"Papers to read next: what cites, or is cited by, several of the topic's papers",
        "(OpenAlex), and what Semantic Scholar recommends from them, ranked by citation velocity,",
        "each with its reasons. Stores nothing unless --add."},
    footer = {"", "Cost: at most --max-requests requests in all (default 100): one to Semantic Scholar's",
        "recommendations, the rest to OpenAlex in OR-filters of PAPERS_OPENALEX_BATCH works (the topic's",
        "papers' records, then the works citing them, 200 a page, then the records of the works they",
        "cite, the most cited first). Never a request per paper; a large topic is cut at the budget.",
        "", "Examples:", "  papers suggest --topic distillation",
        "  papers suggest --topic distillation --min-links 3 --limit 10 --format markdown",
        "  papers suggest --topic distillation --format json --explain",
        "  papers suggest --topic distillation --limit 5 --add"})
public final class SuggestCommand implements Callable<Integer> {
  private final App app;

  @Spec CommandSpec spec;
  @Mixin CommonOptions common;

  @Option(names = "--topic", required = true, paramLabel = "NAME", description = "The topic (queries/NAME.json).")
  String topic;

  @Option(names = "--limit", paramLabel = "N", defaultValue = "20", converter = Converters.Count.class, description = "Show at most N papers (default 20).")
  int limit;

  @Option(names = "--min-links", paramLabel = "K", defaultValue = "2", converter = Converters.Positive.class,
      description = "Only papers with at least K links to the topic's papers (default 2): one per paper of the "
          + "topic it cites, one per paper of the topic citing it, one for a recommendation.")
  int minLinks;

  @Option(names = "--max-requests", paramLabel = "N", defaultValue = "100", converter = Converters.Positive.class,
      description = "Send at most N requests to the sources in all (default 100).")
  int maxRequests;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table", converter = Formats.class,
      description = "table (default), markdown, json or csv.")
  ReportFormat format;

  @Option(names = "--add", description = "Store the suggested papers and tag them with the topic.")
  boolean add;

  @Option(names = "--explain", description = "Name the topic's papers behind each reason, and the velocity's numbers.")
  boolean explain;

  public SuggestCommand(App app) {
    this.app = app;
  }

  @Override
  public Integer call() throws Exception {
    SuggestService.Options options;
    try {
      options = new SuggestService.Options(limit, minLinks, maxRequests, add);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    SuggestWriter writer = SuggestWriter.of(format, Commands.reportOptions(app, explain));
    Topic t = app.topics().load(topic);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    SuggestService.Run run = app.suggest().suggest(t, options);
    writer.write(run.result(), out);
    out.flush();
    Commands.notes(run.notes(), err);
    if (add) {
      err.println("papers: added " + run.added() + " paper" + (run.added() == 1 ? "" : "s") + " to the topic " + t.name());
    }
    if (common.verbose()) {
      err.println("papers: requests sent: " + (run.requests().isEmpty() ? "none" : run.requests()));
    }
    int code = Commands.finish(run.outcome(), err);
    if (code != ExitCodes.OK && !run.result().suggestions().isEmpty()) {
      err.println("papers: the papers shown are what the other sources found");
    }
    return code;
  }

  /** {@code --format table|markdown|json|csv}, case-insensitive. */
  static final class Formats implements ITypeConverter<ReportFormat> {
    @Override
    public ReportFormat convert(String value) {
      try {
        return SuggestWriter.parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }
}
