package dev.papers.cli;

import dev.papers.model.Source;
import dev.papers.App;
import dev.papers.model.Paper;
import dev.papers.service.FetchService;
import dev.papers.service.Outcome;
import dev.papers.service.ScholarLookup;
import java.io.PrintWriter;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/** What several commands share: the default sources, the services, the closing messages. */
final class Commands {
  private Commands() {}

  /** {@code PAPERS_SOURCES} from the environment or configuration, else arxiv and s2. */
  static Set<Source> defaultSources(App app) {
    return SourceList.parse(app.settings().get("PAPERS_SOURCES"), new java.util.LinkedHashSet<>(Source.defaults()));
  }

  static FetchService fetchService(App app) {
    return new FetchService(app.cache(), () -> app.sources().arxiv(), () -> app.sources().s2(),
        () -> app.sources().s2(), () -> app.sources().s2(),
        new ScholarLookup(app.cache(), () -> app.sources().scholar(), app.clock()), app.clock());
  }

  /** Prints what failed, one line per kind of failure, and returns the exit code. */
  static int finish(Outcome outcome, PrintWriter err) {
    for (String m : outcome.messages()) {
      err.println("papers: " + m);
    }
    err.flush();
    return outcome.exitCode();
  }

  static int harvest(App app, picocli.CommandLine.Model.CommandSpec spec, String topic, List<dev.papers.model.PaperId> ids,
      Integer max, Set<Source> sources, boolean histogram, boolean json, CommonOptions common) throws Exception {
    return Harvest.run(app, spec, topic, ids, max, sources, histogram, json, common);
  }

  /** Colour and width for this run's output: colour only on a terminal without NO_COLOR. */
  static dev.papers.report.ReportOptions reportOptions(App app, boolean explain) {
    java.util.Map<String, String> env = app.settings().env();
    return dev.papers.report.ReportOptions.forOutput(Terminal.interactive(), env.get("NO_COLOR"), env.get("COLUMNS"),
        explain);
  }
}
