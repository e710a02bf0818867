package dev.papers.cli;

import dev.papers.app.App;
import dev.papers.config.UsageException;
import dev.papers.json.Json;
import dev.papers.model.PaperId;
import dev.papers.model.Source;
import dev.papers.service.HarvestService;
import java.io.PrintWriter;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code papers fetch --topic NAME [--max N]}: runs {@link HarvestService} (a bad or unknown topic is
 * exit 2 before any request), prints the candidates' records with {@code --json}, and ends with one
 * summary line on stderr.
 */
final class Harvest {
  private Harvest() {}

  static int run(App app, CommandSpec spec, String name, List<PaperId> ids, Integer max, Set<Source> sources,
      boolean histogram, boolean json, CommonOptions common) throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!ids.isEmpty()) {
      throw new UsageException("fetch: give IDs or --topic, not both (a topic's own papers are its \"include\")");
    }
    HarvestService.Result r = app.harvest().harvest(name, max, sources, histogram, common.verbose(),
        Terminal.progress(err, true));
    if (json) {
      Json.print(out, r.papers());
    }
    if (common.verbose()) {
      Commands.notes(r.notes(), err);
    }
    int code = Commands.finish(r.outcome(), err);
    err.println(r.summary().line(app.requestsSent()));
    err.flush();
    return code;
  }
}
