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
  static SuggestWriter of(Format format, ReportOptions options) {
    return switch (format) {
      case TABLE -> new SuggestTableWriter(options);
      case MARKDOWN -> new SuggestMarkdownWriter(options.explain());
      case JSON -> new SuggestJsonWriter(options.explain());
      case CSV -> new SuggestCsvWriter(options.explain());
      default -> throw new IllegalArgumentException("suggest does not write " + format.flag()
          + "; formats: table, markdown, json, csv");
    };
  }
}
