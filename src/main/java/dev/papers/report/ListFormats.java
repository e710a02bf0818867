package dev.papers.report;

import dev.papers.json.Json;
import dev.papers.model.Paper;
import dev.papers.model.PaperId;
import dev.papers.rank.RankResult;
import dev.papers.rank.RankedPaper;
import dev.papers.rank.Velocity;
import dev.papers.topic.Topic;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@code papers list --format F}: the formats {@code rank} has, for the papers a list holds, in the
 * list's order (by id), unranked: {@code table} (id, year, counts, title), {@code json} (the paper
 * records, as {@code --json}), {@code csv} (rank's columns, each paper's velocity by the best method,
 * {@code rank} empty), {@code markdown} (a bulleted list) and {@code bibtex}.
 */
public final class ListFormats {
  private ListFormats() {}

  /**
   * Writes the papers.
   *
   * @param heading what the list is ("Knowledge distillation (distillation)", "the cache")
   * @param notCached include ids no cached paper answers to
   * @param now the list's now (for velocities and counts' ages)
   * @param notes told, one line each, what a format leaves out
   */
  public static void write(ReportFormat format, String heading, List<Paper> papers, List<PaperId> notCached,
      Instant now, ReportOptions options, Consumer<String> notes, PrintWriter out) {
    switch (format) {
      case TABLE -> new ListWriter(options).write(papers, notCached, out);
      case JSON -> {
        try {
          Json.pretty().writeValue(out, papers);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        out.println();
      }
      case CSV -> new CsvWriter(options.explain()).write(ranking(heading, papers, now), out);
      case MARKDOWN -> MarkdownWriter.list(heading, papers, notCached, now, out);
      case BIBTEX -> {
        List<String> missing = new ArrayList<>();
        notCached.forEach(id -> missing.add(id.withoutVersion().display()));
        new BibtexWriter(notes).write(papers, missing, heading, out);
      }
      default -> throw new IllegalArgumentException("list cannot write " + format.flag());
    }
    out.flush();
  }

  /** The papers as an unranked ranking: each with its best velocity. */
  static RankResult ranking(String heading, List<Paper> papers, Instant now) {
    List<RankedPaper> entries = new ArrayList<>();
    for (Paper p : papers) {
      entries.add(new RankedPaper(null, p, Velocity.best(p, now).orElse(null), null, true));
    }
    return new RankResult(Topic.ofTag(heading), now, null, entries, List.of());
  }
}
