// Changes N papers of a generated bench cache the way a refresh does: a new Semantic Scholar count
// stored through the tool's own cache (dev.papers.cache.PaperCache.update), so that each write is an
// atomic replace recorded in the cache's change journal, exactly as `papers refresh` leaves them.
//
//   java -cp target/papers.jar bench/ChangePapers.java --cache DIR --papers 1000 [--round K] [--now ISO]
//
// --round K picks the K-th slice of N papers (default 0) and raises their counts by K + 1, so that
// successive rounds change other papers with other numbers. Not a test and not shipped in the jar.

import dev.papers.cache.PaperCache;
import dev.papers.model.PaperId;
import dev.papers.model.Source;
import dev.papers.model.SourceRecord;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

public class ChangePapers {
  public static void main(String[] args) throws Exception {
    Map<String, String> o = new TreeMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    Path root = Path.of(o.get("cache"));
    int n = Integer.parseInt(o.getOrDefault("papers", "1000"));
    int round = Integer.parseInt(o.getOrDefault("round", "0"));
    Instant now = Instant.parse(o.getOrDefault("now", "2026-11-30T12:00:00Z")).plusSeconds(round);
    PaperCache cache = new PaperCache(root, Clock.fixed(now, ZoneOffset.UTC));
    List<String> ids = new ArrayList<>();
    try (DirectoryStream<Path> d = Files.newDirectoryStream(root.resolve("papers/arxiv"), "*.json")) {
      for (Path f : d) {
        ids.add(f.getFileName().toString().replaceFirst("\\.json$", ""));
      }
    }
    ids.sort(null);
    int from = (int) ((long) round * n % Math.max(1, ids.size()));
    for (int i = 0; i < n && i < ids.size(); i++) {
      String arxiv = ids.get((from + i) % ids.size());
      int bump = round + 1;
      cache.update(List.of(PaperId.parse(arxiv)), p -> {
        int count = p.citation(Source.SEMANTIC_SCHOLAR.jsonName()).count() + bump;
        SourceRecord r = SourceRecord.builder(Source.SEMANTIC_SCHOLAR.jsonName()).arxivId(arxiv).count(count)
            .observedAt(now).build();
        return p.merge(r, now);
      });
    }
    System.err.println("ChangePapers: " + Math.min(n, ids.size()) + " papers changed in " + root);
  }
}
