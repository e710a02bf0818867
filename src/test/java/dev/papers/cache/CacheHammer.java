package dev.papers.cache;

import dev.papers.model.Observation;
import dev.papers.model.PaperId;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** A second process for {@link PaperCacheTest}: updates one paper N times. */
public final class CacheHammer {
  private CacheHammer() {}

  public static void main(String[] args) {
    PaperCache c = new PaperCache(Path.of(args[0]), Clock.systemUTC());
    int worker = Integer.parseInt(args[1]);
    int n = Integer.parseInt(args[2]);
    PaperId id = PaperId.parse("1706.03762");
    for (int i = 0; i < n; i++) {
      Instant at = Instant.parse("2026-01-01T00:00:00Z").plusSeconds(worker * 100_000L + i);
      int count = i;
      c.update(List.of(id), p -> p.observe(new Observation("semanticScholar", count, at), null, at));
    }
  }
}
