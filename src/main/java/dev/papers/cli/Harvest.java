package dev.papers.cli;

import dev.papers.model.Source;
import dev.papers.App;
import dev.papers.config.UsageException;
import dev.papers.json.Json;
import dev.papers.model.PaperId;
import dev.papers.service.HarvestService;
import dev.papers.topic.Topic;
import dev.papers.topic.TopicStore;
import java.io.PrintWriter;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code papers fetch --topic NAME [--max N]}: reads the topic (a bad or unknown topic is exit 2 before
 * any request), runs {@link HarvestService}, prints the candidates' records with {@code --json}, and
 * ends with one summary line on stderr.
 */
final class Harvest {
  private Harvest() {}

  static HarvestService service(App app) {
    return new HarvestService(app.cache(),
        (q, start, max) -> app.sources().arxiv().search(q, start, max),
        (q, token) -> app.sources().s2().searchBulk(q, token),
        (q, offset, limit) -> app.sources().s2().search(q, offset, limit),
        (id, total, cap) -> app.sources().s2().histogram(id, total, cap),
        Commands.fetchService(app), app.clock(), dev.papers.service.Freshness.byDefault());
  }

  static int run(App app, CommandSpec spec, String name, List<PaperId> ids, Integer max, Set<Source> sources,
      boolean histogram, boolean json, CommonOptions common) throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!ids.isEmpty()) {
      throw new UsageException("fetch: give IDs or --topic, not both (a topic's own papers are its \"include\")");
    }
    Topic topic = new TopicStore(app.settings().queriesDir()).load(name);
    boolean arxiv = sources.contains(Source.ARXIV) && topic.arxiv() != null && !topic.arxiv().isBlank();
    boolean s2 = sources.contains(Source.SEMANTIC_SCHOLAR) && topic.semanticScholar() != null && !topic.semanticScholar().isBlank();
    if (!arxiv && !s2 && topic.include().isEmpty()) {
      throw new UsageException("fetch: topic \"" + name + "\" has no \"arxiv\" or \"semanticScholar\" query"
          + (sources.contains(Source.ARXIV) && sources.contains(Source.SEMANTIC_SCHOLAR) ? "" : " for --sources " + String.join(",", sources.stream().map(Source::flag).toList()))
          + " and no \"include\": nothing to harvest");
    }
    HarvestService.Result r = service(app).harvest(topic, max == null ? HarvestService.DEFAULT_MAX : max,
        sources, histogram, common.verbose(), Terminal.progress(err, true));
    if (json) {
      Json.pretty().writeValue(out, r.papers());
      out.println();
      out.flush();
    }
    if (common.verbose()) {
      r.notes().forEach(n -> err.println("papers: " + n));
    }
    int requests = app.upstream().requestCounts().values().stream().mapToInt(Integer::intValue).sum();
    int code = Commands.finish(r.outcome(), err);
    err.println(r.summary().line(requests));
    err.flush();
    return code;
  }
}
