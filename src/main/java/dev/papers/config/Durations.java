package dev.papers.config;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The contract's DURATION: a number with {@code ms}, {@code s}, {@code m}, {@code h}, {@code d} or {@code w}, or {@code 0}. */
public final class Durations {
  private static final Pattern FORM = Pattern.compile("(\\d{1,12}(?:\\.\\d{1,9})?)(ms|s|m|h|d|w)");

  private Durations() {}

  /** Parses a DURATION; {@code what} names the flag or variable in the error message. */
  public static Duration parse(String text, String what) {
    try {
      return parse(text);
    } catch (IllegalArgumentException e) {
      throw new UsageException(what + ": " + e.getMessage());
    }
  }

  /**
   * Parses a DURATION.
   *
   * @throws IllegalArgumentException saying what a duration is
   */
  public static Duration parse(String text) {
    String t = text == null ? "" : text.strip();
    if (t.equals("0")) {
      return Duration.ZERO;
    }
    Matcher m = FORM.matcher(t);
    if (!m.matches()) {
      throw new IllegalArgumentException("\"" + text + "\" is not a duration (a number with ms, s, m, h, d or w,"
          + " such as 7d or 250ms)");
    }
    double n = Double.parseDouble(m.group(1));
    long unitMillis = switch (m.group(2)) {
      case "ms" -> 1L;
      case "s" -> 1_000L;
      case "m" -> 60_000L;
      case "h" -> 3_600_000L;
      case "d" -> 86_400_000L;
      default -> 604_800_000L;
    };
    return Duration.ofMillis(Math.round(n * unitMillis));
  }

  /** Short human form: {@code 3s}, {@code 250ms}, {@code 6h}, {@code 7d}. */
  public static String format(Duration d) {
    long ms = d.toMillis();
    if (ms == 0) {
      return "0";
    }
    long[] units = {604_800_000L, 86_400_000L, 3_600_000L, 60_000L, 1_000L};
    String[] names = {"w", "d", "h", "m", "s"};
    for (int i = 0; i < units.length; i++) {
      if (ms % units[i] == 0) {
        return ms / units[i] + names[i];
      }
    }
    return ms + "ms";
  }
}
