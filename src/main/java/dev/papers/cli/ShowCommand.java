package dev.papers.cli;

import dev.papers.app.App;
import dev.papers.json.Json;
import dev.papers.model.Paper;
import dev.papers.model.PaperId;
import dev.papers.config.UsageException;
import dev.papers.model.InvalidIdException;
import dev.papers.report.BibtexWriter;
import dev.papers.report.PaperTextWriter;
import java.util.List;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code papers show}: offline. */
@Command(name = "show", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = "Show one cached paper with its citation history (offline).",
    footer = {"", "Examples:", "  papers show 1909.10351", "  papers show 10.1103/PhysRevB.85.115117 --json",
        "  papers show 1909.10351 --format bibtex >> references.bib"})
public final class ShowCommand implements Callable<Integer> {
  private final App app;

  @Spec CommandSpec spec;
  @Mixin CommonOptions common;

  @Parameters(paramLabel = "ID", description = "The paper, in any identifier form.")
  String id;

  @Option(names = "--json", description = "Print the record as JSON (--format json).")
  boolean json;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "text (default), json or bibtex (the paper's BibTeX entry).")
  String format;

  public ShowCommand(App app) {
    this.app = app;
  }

  @Override
  public Integer call() throws Exception {
    String f = json ? "json" : format.strip().toLowerCase(java.util.Locale.ROOT);
    if (!List.of("text", "json", "bibtex").contains(f)) {
      throw new UsageException("--format: unknown format " + InvalidIdException.quote(format)
          + "; formats: text, json, bibtex");
    }
    if (json && spec.commandLine().getParseResult().hasMatchedOption("--format")
        && !format.strip().equalsIgnoreCase("json")) {
      throw new UsageException("--json and --format " + format.strip() + " ask for two formats; give one");
    }
    PaperId parsed = Ids.parse(id, app.clock());
    PrintWriter out = spec.commandLine().getOut();
    Optional<Paper> p = app.cache().find(parsed);
    if (p.isEmpty()) {
      List<String> sharing = app.cache().sharedBy(parsed.withoutVersion().key());
      if (!sharing.isEmpty()) {
        spec.commandLine().getErr().println("papers: " + parsed.display() + " names several papers: "
            + String.join(", ", sharing) + " (show one of them by its own id)");
        return ExitCodes.FAILED;
      }
      spec.commandLine().getErr().println("papers: " + parsed.display() + " is not in the cache "
          + app.cache().root() + " (fetch it: papers fetch " + parsed.display() + ")");
      return ExitCodes.FAILED;
    }
    if (f.equals("json")) {
      Json.print(out, p.get());
    } else if (f.equals("bibtex")) {
      new BibtexWriter(note -> spec.commandLine().getErr().println("papers: " + note))
          .write(List.of(p.get()), List.of(), null, out);
      out.flush();
      if (p.get().title() == null) {
        return ExitCodes.FAILED;
      }
    } else {
      PaperTextWriter.detail(p.get(), out, Terminal.interactive());
      out.flush();
    }
    return ExitCodes.OK;
  }
}
