package dev.papers.report;

import dev.papers.rank.RankResult;
import java.io.PrintWriter;

/** {@code rank --format html}: the ranking as one self-contained page with a chart per paper ({@link HtmlPage}). */
public final class HtmlRankWriter implements RankWriter {
  private final boolean explain;

  public HtmlRankWriter(boolean explain) {
    this.explain = explain;
  }

  @Override
  public void write(RankResult result, PrintWriter out) {
    new HtmlPage(explain).write(result, out);
  }
}
