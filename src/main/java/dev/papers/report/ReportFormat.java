package dev.papers.report;

import java.util.Locale;

/** The formats of {@code papers rank --format}. */
public enum ReportFormat {
  TABLE,
  MARKDOWN,
  JSON,
  CSV,
  BIBTEX,
  HTML;

  /** The writer for this format. */
  public RankWriter writer(ReportOptions options) {
    return writer(options, note -> { });
  }

  /** The writer for this format; {@code notes} is told, one line each, what a format leaves out. */
  public RankWriter writer(ReportOptions options, java.util.function.Consumer<String> notes) {
    return switch (this) {
      case TABLE -> new TableWriter(options);
      case MARKDOWN -> new MarkdownWriter(options.explain());
      case JSON -> new JsonRankWriter(options.explain());
      case CSV -> new CsvWriter(options.explain());
      case BIBTEX -> new BibtexWriter(notes);
      case HTML -> new HtmlRankWriter(options.explain());
    };
  }

  /** The flag value: {@code table}, {@code markdown}, ... */
  public String flag() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The format a flag value names (case-insensitive).
   *
   * @throws IllegalArgumentException for any other value, with the values there are
   */
  public static ReportFormat parse(String flag) {
    for (ReportFormat f : values()) {
      if (f.flag().equalsIgnoreCase(flag == null ? "" : flag.strip())) {
        return f;
      }
    }
    throw new IllegalArgumentException("unknown format " + dev.papers.model.InvalidIdException.quote(flag)
        + "; formats: table, markdown, json, csv, bibtex, html");
  }
}
