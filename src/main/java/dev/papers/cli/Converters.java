package dev.papers.cli;

import dev.papers.app.App;
import dev.papers.model.Source;
import dev.papers.report.DigestFormat;
import dev.papers.report.ReportFormat;
import java.time.Duration;
import java.util.Set;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** picocli converters for the values several commands take; a bad value is exit 2, named by its flag. */
final class Converters {
  private Converters() {}

  /** {@code --sources arxiv,s2,scholar}: a comma list of the sources to ask. */
  record SourceChoice(Set<Source> sources) {
    /** The sources chosen, or the app's defaults when the flag was not given. */
    static Set<Source> or(SourceChoice choice, App app) {
      return choice != null ? choice.sources() : app.defaultSources();
    }
  }

  static final class Sources implements ITypeConverter<SourceChoice> {
    @Override
    public SourceChoice convert(String value) {
      try {
        return new SourceChoice(Source.parseList(value));
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  /** One wording for every flag's bounds: {@code --limit: "-1" is not a whole number of at least 0}. */
  static TypeConversionException outOfBounds(String value, String kind, String bound) {
    return new TypeConversionException("\"" + value + "\" is not " + kind + " " + bound);
  }

  /** A whole number of at least {@code min}. */
  private static int whole(String value, int min) {
    try {
      int n = Integer.parseInt(value.strip());
      if (n >= min) {
        return n;
      }
    } catch (NumberFormatException e) {
      // said below
    }
    throw outOfBounds(value, "a whole number", "of at least " + min);
  }

  /** {@code --limit N} where 0 means none: a whole number of at least 0. */
  static final class Count implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
      return whole(value, 0);
    }
  }

  /** A whole number of at least 1 ({@code --max}, {@code --max-requests}, refresh's {@code --limit}). */
  static final class Positive implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
      return whole(value, 1);
    }
  }

  /** A DURATION: {@code 7d}, {@code 250ms}, {@code 0}. */
  static class Durations implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      if (value.strip().startsWith("-")) {
        throw outOfBounds(value, "a duration", "of at least 0");
      }
      try {
        return dev.papers.config.Durations.parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  /** A DURATION above 0 ({@code --deadline}). */
  static final class PositiveDurations extends Durations {
    @Override
    public Duration convert(String value) {
      Duration d = super.convert(value);
      if (d.isZero()) {
        throw outOfBounds(value, "a duration", "above 0");
      }
      return d;
    }
  }

  /** {@code --format table|markdown|json|csv|bibtex}, case-insensitive. */
  static final class Formats implements ITypeConverter<ReportFormat> {
    @Override
    public ReportFormat convert(String value) {
      try {
        return ReportFormat.parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  /** {@code digest --format markdown|html|json}, case-insensitive. */
  static final class DigestFormats implements ITypeConverter<DigestFormat> {
    @Override
    public DigestFormat convert(String value) {
      try {
        return DigestFormat.parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }
}
