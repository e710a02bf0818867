package dev.papers.cli;

import dev.papers.app.App;
import dev.papers.config.UsageException;
import dev.papers.json.Json;
import dev.papers.model.Paper;
import dev.papers.model.PaperId;
import dev.papers.model.Source;
import dev.papers.report.PaperTextWriter;
import dev.papers.service.FetchService;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code papers fetch}. */
@Command(name = "fetch", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    sortOptions = false,
    description = {"Fetch metadata and citation counts and store them in the cache.",
        "IDs: 1909.10351[v2], arXiv:…, hep-th/9901001, arXiv URLs (any mirror), 10.x DOIs,",
        "doi.org URLs, Semantic Scholar paper ids, CorpusId:N, OpenAlex work ids (W2741809807),",
        "scholar:CLUSTER. OpenAlex gives each paper's citations per year with its count."},
    footer = {"", "Examples:", "  papers fetch 1909.10351 https://arxiv.org/abs/2002.05709",
        "  papers fetch 10.1145/1541880.1541882 --json",
        "  papers fetch --title \"Attention is all you need\"",
        "  papers fetch 1909.10351 --sources s2 --histogram",
        "  papers fetch W2741809807 --sources openalex",
        "  papers fetch 1206.5538 --sources arxiv,scholar --verbose",
        "  papers fetch --topic distillation --max 200"})
public final class FetchCommand implements Callable<Integer> {
  private final App app;

  @Spec CommandSpec spec;
  @Mixin CommonOptions common;

  @Parameters(paramLabel = "ID", arity = "0..*", description = "Papers to fetch.")
  List<String> ids = new ArrayList<>();

  @Option(names = "--title", paramLabel = "TITLE", description = "Find the paper by its title (Semantic Scholar's title match).")
  String title;

  @Option(names = "--topic", paramLabel = "NAME", description = "Harvest what the topic's queries find, and tag it.")
  String topic;

  @Option(names = "--max", paramLabel = "N", converter = Converters.Positive.class, description = "With --topic: fetch at most N candidates (default: 100).")
  Integer max;

  @Option(names = "--sources", paramLabel = "LIST", converter = Converters.Sources.class, description = "Comma list of arxiv, s2, openalex, scholar (default: arxiv,s2,openalex, or PAPERS_SOURCES)."
      + " Scholar needs a title: a new paper's is looked up first (arXiv, else Semantic Scholar).")
  Converters.SourceChoice sources;

  @Option(names = "--histogram", description = "Also count the paper's citations by year (Semantic Scholar).")
  boolean histogram;

  @Option(names = "--json", description = "Print the records as a JSON array.")
  boolean json;

  public FetchCommand(App app) {
    this.app = app;
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Set<Source> chosen = Converters.SourceChoice.or(sources, app);
    if (title != null && (!ids.isEmpty() || topic != null)) {
      throw new UsageException("fetch: give IDs, --title or --topic, not several of them");
    }
    if (title != null && title.isBlank()) {
      throw new UsageException("fetch: --title needs a title");
    }
    if (max != null && topic == null) {
      throw new UsageException("fetch: --max goes with --topic");
    }
    List<PaperId> parsed = Ids.parseAll(ids, app.clock());
    app.checkSources(chosen); // a bad setting is exit 2 now, before any request is sent
    if (!parsed.isEmpty() || title != null || topic != null) {
      app.cache().requireWritable(); // a read-only cache: say so, and send nothing
    }
    if (topic != null) {
      return Harvest.run(app, spec, topic, parsed, max, chosen, histogram, json, common);
    }
    if (parsed.isEmpty() && title == null) {
      throw new UsageException("fetch: name at least one paper (see papers fetch --help)");
    }
    FetchService service = app.fetch();
    FetchService.Result r = title != null
        ? service.fetchTitle(title.strip(), chosen, histogram, null, common.verbose(), Terminal.progress(err, true))
        : service.fetch(parsed, chosen, histogram, null, common.verbose(), Terminal.progress(err, true));
    print(r.papers(), out);
    if (common.verbose()) {
      Commands.notes(r.notes(), err);
    }
    return Commands.finish(r.outcome(), err);
  }

  private void print(List<Paper> papers, PrintWriter out) throws Exception {
    if (json) {
      Json.print(out, papers);
    } else {
      for (int i = 0; i < papers.size(); i++) {
        if (i > 0) {
          out.println();
        }
        PaperTextWriter.block(papers.get(i), out);
      }
    }
    out.flush();
  }
}
