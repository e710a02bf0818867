package dev.papers.report;

import dev.papers.json.Json;
import dev.papers.topic.TopicCatalog;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code papers topics}: name, member count, where the topic comes from (file or tag), title. */
public final class TopicsWriter {
  private TopicsWriter() {}

  /** An aligned table that fits the width; a broken topic file shows its problem as its title. */
  public static void table(List<TopicCatalog.Entry> topics, ReportOptions options, PrintWriter out) {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"topic", "members", "from", "title"});
    for (TopicCatalog.Entry t : topics) {
      String members = t.problem() != null ? "-" : t.members() + (t.notCached() > 0 ? " +" + t.notCached() : "");
      rows.add(new String[] {DisplayWidth.clean(t.name()), members, t.tagOnly() ? "tag" : "file",
          DisplayWidth.clean(t.problem() != null ? "unusable: " + t.problem()
              : t.tagOnly() ? "(papers tagged " + t.name() + ")" : t.title())});
    }
    int[] w = new int[3];
    for (String[] r : rows) {
      for (int c = 0; c < 3; c++) {
        w[c] = Math.max(w[c], DisplayWidth.of(r[c]));
      }
    }
    for (String[] r : rows) {
      String line = DisplayWidth.padRight(r[0], w[0]) + "  " + DisplayWidth.padLeft(r[1], w[1]) + "  "
          + DisplayWidth.padRight(r[2], w[2]) + "  " + r[3];
      out.write(DisplayWidth.truncate(line, options.width()) + "\n");
    }
    if (topics.stream().anyMatch(t -> t.notCached() > 0)) {
      out.write("(+N: include ids not fetched yet)\n");
    }
    out.flush();
  }

  /** {@code [{"name", "title", "from": "file"|"tag", "members", "notFetched", "problem"}]}. */
  public static void json(List<TopicCatalog.Entry> topics, PrintWriter out) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (TopicCatalog.Entry t : topics) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", t.name());
      m.put("title", t.title());
      m.put("from", t.tagOnly() ? "tag" : "file");
      m.put("members", t.members());
      m.put("notFetched", t.notCached());
      m.put("problem", t.problem());
      rows.add(m);
    }
    try {
      Json.pretty().writeValue(out, rows);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.println();
    out.flush();
  }
}
