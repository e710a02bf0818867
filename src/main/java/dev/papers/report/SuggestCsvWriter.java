package dev.papers.report;

import dev.papers.suggest.Reason;
import dev.papers.suggest.SuggestResult;
import dev.papers.suggest.Suggestion;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code suggest --format csv}: RFC 4180 as {@code rank} writes it, one row per suggestion. The
 * {@code reasons} column holds the phrase ("cites 2 of your papers, cited by 1"); {@code cites},
 * {@code citedBy} (member ids joined with "; ") and {@code recommended} (true or false) say the same for
 * a program.
 */
public final class SuggestCsvWriter implements SuggestWriter {
  private static final String EOL = "\r\n";
  private static final List<String> NAMES = List.of(
      "rank", "id", "title", "year", "citations", "velocity", "velocityMethod", "source", "links", "reasons",
      "cites", "citedBy", "recommended", "approximate", "observedAt", "openAlexId", "arxivId", "doi", "s2Id",
      "published", "authors");
  private final boolean explain;

  public SuggestCsvWriter(boolean explain) {
    this.explain = explain;
  }

  /** The header's names, with {@code explain} last when asked for. */
  public static List<String> names(boolean explain) {
    List<String> n = new ArrayList<>(NAMES);
    if (explain) {
      n.add(Fields.EXPLAIN);
    }
    return List.copyOf(n);
  }

  @Override
  public void write(SuggestResult result, PrintWriter out) {
    List<String> names = names(explain);
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < names.size(); i++) {
      line.append(i > 0 ? "," : "").append(CsvWriter.quote(names.get(i)));
    }
    out.write(line.append(EOL).toString());
    for (Suggestion s : result.suggestions()) {
      Map<String, Object> row = SuggestFields.of(s, explain);
      row.put("reasons", s.phrase());
      row.put("cites", members(s, Reason.CITES));
      row.put("citedBy", members(s, Reason.CITED_BY));
      row.put("recommended", s.reasons().stream().anyMatch(r -> Reason.RECOMMENDED.equals(r.kind())));
      line.setLength(0);
      for (int i = 0; i < names.size(); i++) {
        line.append(i > 0 ? "," : "").append(CsvWriter.cell(row.get(names.get(i))));
      }
      out.write(line.append(EOL).toString());
    }
    out.flush();
  }

  private static List<String> members(Suggestion s, String kind) {
    for (Reason r : s.reasons()) {
      if (r.kind().equals(kind)) {
        return r.members();
      }
    }
    return List.of();
  }
}
