package dev.papers.report;

import dev.papers.rank.RankResult;
import java.io.PrintWriter;

/** Writes a ranking in one format. Writers never close or flush-and-close the writer they get. */
public interface RankWriter {
  void write(RankResult result, PrintWriter out);
}
