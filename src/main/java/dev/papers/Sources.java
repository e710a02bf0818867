package dev.papers;

import dev.papers.source.arxiv.ArxivSource;
import dev.papers.source.s2.S2Source;
import java.time.Duration;

/** The sources, each built on first use with its settings. */
public final class Sources {
  private final App app;
  private ArxivSource arxiv;
  private S2Source s2;

  Sources(App app) {
    this.app = app;
  }

  public synchronized ArxivSource arxiv() {
    if (arxiv == null) {
      var s = app.settings();
      arxiv = new ArxivSource(s.get("PAPERS_ARXIV_URL", "https://export.arxiv.org/api/query"), app.upstream(),
          ArxivSource.defaultPolicy(s.duration("PAPERS_ARXIV_INTERVAL", Duration.ofSeconds(3)), app.maxRetries(),
              app.maxBackoff()),
          app.clock(), s.integer("PAPERS_ARXIV_BATCH", 100, 1));
    }
    return arxiv;
  }

  public synchronized S2Source s2() {
    if (s2 == null) {
      var s = app.settings();
      s2 = new S2Source(s.get("PAPERS_S2_URL", "https://api.semanticscholar.org/graph/v1"), app.upstream(),
          S2Source.defaultPolicy(s.duration("PAPERS_S2_INTERVAL", Duration.ofSeconds(1)), app.maxRetries(),
              app.maxBackoff(), s.get("PAPERS_S2_API_KEY")),
          app.clock());
    }
    return s2;
  }
}
