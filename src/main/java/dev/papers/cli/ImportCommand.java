package dev.papers.cli;

import dev.papers.app.App;
import dev.papers.config.UsageException;
import dev.papers.discover.DocumentReader;
import dev.papers.json.Json;
import dev.papers.model.InvalidIdException;
import dev.papers.model.Paper;
import dev.papers.report.ListWriter;
import dev.papers.service.ImportService;
import dev.papers.model.Source;
import dev.papers.topic.TopicStore;
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

/** {@code papers import}: the papers documents cite, and saved Google Scholar pages. */
@Command(name = "import", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    sortOptions = false,
    description = {"Find the papers documents cite (text, Markdown, HTML; - reads stdin)",
        "with the titles they state, and fetch them. A BibTeX (.bib) or CSL-JSON",
        "library imports its entries. A count a reading note states (被引量:67, 阅读时间:22.09.16)",
        "is stored as source \"reported\", dated the day the paper was read.",
        "A saved Google Scholar result or \"Cited by\" page imports its results",
        "with their \"Cited by\" counts, without a request."},
    footer = {"", "Examples:", "  papers import notes.md --topic distillation",
        "  papers import reading-list.html other.txt --json",
        "  papers import --offline notes.txt        record the ids, send nothing",
        "  papers import scholar-results.html       a page saved from the browser",
        "  papers import library.bib references.json --topic distillation",
        "  curl -s https://example.org/post | papers import -",
        "", "Exit codes: 0 done, 1 no document names a paper (or nothing could be stored),",
        "2 a file cannot be read, is not text or not what its name says, or a bad flag,",
        "3 partial, 75 try again later."})
public final class ImportCommand implements Callable<Integer> {
  private final App app;

  @Spec CommandSpec spec;
  @Mixin CommonOptions common;

  @Parameters(paramLabel = "FILE", arity = "1..*", description = "Documents to read; - for standard input.")
  List<String> files = new ArrayList<>();

  @Option(names = "--topic", paramLabel = "NAME", description = "Tag every imported paper with this topic.")
  String topic;

  @Option(names = "--offline", description = "Send nothing: record the ids found (and the counts the documents "
      + "state); a later fetch or refresh fills them in.")
  boolean offline;

  @Option(names = "--sources", paramLabel = "LIST", converter = Converters.Sources.class,
      description = "Comma list of arxiv, s2, openalex, scholar (default: arxiv,s2,openalex).")
  Converters.SourceChoice sources;

  @Option(names = "--json", description = "Print the records of everything imported as a JSON array.")
  boolean json;

  public ImportCommand(App app) {
    this.app = app;
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (topic != null && !TopicStore.validName(topic)) {
      throw new UsageException("import: not a topic name: " + InvalidIdException.quote(topic)
          + " (lower-case letters, digits, '.', '_' and '-', starting with a letter or digit)");
    }
    if (offline && sources != null) {
      throw new UsageException("import: --offline sends nothing; drop --sources or --offline");
    }
    Set<Source> chosen = Converters.SourceChoice.or(sources, app);
    if (topic != null && !app.topics().names().contains(topic)) {
      err.println("papers: note: no topic file " + app.settings().queriesDir().resolve(topic + ".json")
          + "; the tag makes the topic: papers rank --topic " + topic);
    }
    ImportService.Result r;
    try {
      r = app.importer().run(files, new ImportService.Options(topic, offline, chosen, common.verbose(), app::stdin),
          Terminal.progress(err, !offline));
    } catch (DocumentReader.DocumentException e) {
      throw new UsageException("import: " + e.getMessage());
    }
    if (json) {
      Json.print(out, r.papers());
    } else if (!r.papers().isEmpty()) {
      new ListWriter(Commands.reportOptions(app, false)).write(r.papers(), List.of(), out);
    }
    out.flush();
    r.summaries().forEach(err::println);
    if (common.verbose()) {
      Commands.notes(r.notes(), err);
    }
    if (r.nothingFound()) {
      err.println("papers: no paper identifiers, reported counts or Scholar results found in "
          + (files.size() == 1 ? (files.get(0).equals("-") ? "stdin" : files.get(0))
              : "any of the " + files.size() + " documents")
          + "; nothing imported");
      err.flush();
      return ExitCodes.FAILED;
    }
    return Commands.finish(r.outcome(), err);
  }
}
