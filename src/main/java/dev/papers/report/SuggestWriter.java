package dev.papers.report;

import dev.papers.suggest.SuggestResult;
import java.io.PrintWriter;

/** Writes {@code papers suggest}'s answer in one format. Writers never close the writer they get. */
public interface SuggestWriter {
  void write(SuggestResult result, PrintWriter out);

  /**
   * The writer for a format: table, markdown, json or csv.
   *
   * @throws IllegalArgumentException for a format suggest does not write, naming the ones it does
   */
  static SuggestWriter of(ReportFormat format, ReportOptions options) {
    return switch (format) {
      case TABLE -> new SuggestTableWriter(options);
      case MARKDOWN -> new SuggestMarkdownWriter(options.explain());
      case JSON -> new SuggestJsonWriter(options.explain());
      case CSV -> new SuggestCsvWriter(options.explain());
      default -> throw new IllegalArgumentException(unknown(format.flag()));
    };
  }

  /**
   * The format a {@code suggest --format} value names (case-insensitive): table, markdown, json or csv.
   *
   * @throws IllegalArgumentException for any other value, with the values there are
   */
  static ReportFormat parse(String flag) {
    for (ReportFormat f : new ReportFormat[] {ReportFormat.TABLE, ReportFormat.MARKDOWN, ReportFormat.JSON,
        ReportFormat.CSV}) {
      if (f.flag().equalsIgnoreCase(flag == null ? "" : flag.strip())) {
        return f;
      }
    }
    throw new IllegalArgumentException(unknown(flag));
  }

  private static String unknown(String flag) {
    return "suggest does not write " + dev.papers.model.InvalidIdException.quote(flag)
        + "; formats: table, markdown, json, csv";
  }
}
