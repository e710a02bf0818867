package dev.papers.report;

import dev.papers.model.Visible;
import dev.papers.rank.RankResult;
import dev.papers.rank.RankedPaper;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Map;

/**
 * {@code rank --format csv}: RFC 4180 (CRLF line ends; a cell with a comma, quote, CR or LF quoted,
 * quotes doubled), one header row of the JSON field names, one row per member in JSON order. Numbers
 * stay numbers (plain decimal notation); authors are joined with "; ". A text cell that would start
 * with {@code =}, {@code +}, {@code -}, {@code @}, tab or CR gets a leading {@code '} so that a
 * spreadsheet does not run it as a formula.
 */
public final class CsvWriter implements RankWriter {
  private static final String EOL = "\r\n";
  private final boolean explain;

  public CsvWriter(boolean explain) {
    this.explain = explain;
  }

  @Override
  public void write(RankResult result, PrintWriter out) {
    List<String> names = Fields.names(explain);
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < names.size(); i++) {
      if (i > 0) {
        line.append(',');
      }
      line.append(quote(names.get(i)));
    }
    out.write(line.append(EOL).toString());
    for (RankedPaper e : result.entries()) {
      Map<String, Object> row = Fields.of(e, explain);
      line.setLength(0);
      for (int i = 0; i < names.size(); i++) {
        if (i > 0) {
          line.append(',');
        }
        line.append(cell(row.get(names.get(i))));
      }
      out.write(line.append(EOL).toString());
    }
    out.flush();
  }

  /** One cell: numbers and booleans as they are, text neutralized and quoted as needed. */
  static String cell(Object v) {
    if (v == null) {
      return "";
    }
    if (v instanceof Double d) {
      return d.isNaN() || d.isInfinite() ? "" : BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }
    if (v instanceof Number || v instanceof Boolean) {
      return v.toString();
    }
    if (v instanceof List<?> list) {
      StringBuilder b = new StringBuilder();
      for (Object o : list) {
        if (b.length() > 0) {
          b.append("; ");
        }
        b.append(o);
      }
      return text(b.toString());
    }
    if (v instanceof TemporalAccessor) {
      return text(v.toString());
    }
    return text(v.toString());
  }

  /**
   * A text cell: characters a terminal would obey as visible escapes (line breaks kept: a quoted cell
   * may hold them), neutralized, then quoted when needed.
   */
  public static String text(String s) {
    return quote(neutralize(Visible.text(s)));
  }

  /** A leading {@code '} for text a spreadsheet would take as a formula. */
  public static String neutralize(String s) {
    if (s.isEmpty()) {
      return s;
    }
    char c = s.charAt(0);
    return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + s : s;
  }

  static String quote(String s) {
    boolean needs = false;
    for (int i = 0; i < s.length() && !needs; i++) {
      char c = s.charAt(i);
      needs = c == ',' || c == '"' || c == '\r' || c == '\n';
    }
    return needs ? '"' + s.replace("\"", "\"\"") + '"' : s;
  }
}
