package dev.papers.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.papers.json.Json;
import dev.papers.rank.RankResult;
import dev.papers.rank.RankedPaper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * {@code rank --format json}: an array, best first, of the contract's objects ({@link Fields}); the
 * members with no count follow with {@code rank}, {@code velocity} and {@code velocityMethod} null.
 */
public final class JsonRankWriter implements RankWriter {
  private final boolean explain;

  public JsonRankWriter(boolean explain) {
    this.explain = explain;
  }

  @Override
  public void write(RankResult result, PrintWriter out) {
    ArrayNode rows = Json.mapper().createArrayNode();
    for (RankedPaper e : result.entries()) {
      ObjectNode row = rows.addObject(); // keeps the fields in the contract's order
      for (Map.Entry<String, Object> f : Fields.of(e, explain).entrySet()) {
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
