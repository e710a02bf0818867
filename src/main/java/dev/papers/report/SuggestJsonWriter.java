package dev.papers.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.papers.json.Json;
import dev.papers.suggest.SuggestResult;
import dev.papers.suggest.Suggestion;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/** {@code suggest --format json}: an array, best first, of {@link SuggestFields} objects. */
public final class SuggestJsonWriter implements SuggestWriter {
  private final boolean explain;

  public SuggestJsonWriter(boolean explain) {
    this.explain = explain;
  }

  @Override
  public void write(SuggestResult result, PrintWriter out) {
    ArrayNode rows = Json.mapper().createArrayNode();
    for (Suggestion s : result.suggestions()) {
      ObjectNode row = rows.addObject();
      for (Map.Entry<String, Object> f : SuggestFields.of(s, explain).entrySet()) {
        row.set(f.getKey(), Json.mapper().valueToTree(f.getValue()));
      }
    }
    try {
      out.write(Json.pretty().writeValueAsString(rows));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.write('\n');
    out.flush();
  }
}
