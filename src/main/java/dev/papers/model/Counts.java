package dev.papers.model;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;

/**
 * The contract's one rule for a count a source sends (citations, influential citations, "Cited by"):
 * a whole number, 0 or more. Anything else (12.5, -3, true, an object, a string, a number past
 * 2^53) is not a count: it is not stored, and the record's other fields are. Every source checks its
 * counts here, so that one rule holds for all of them.
 *
 * <p>A count is kept as an {@code int}: a whole number past {@link Integer#MAX_VALUE} (no paper has
 * two billion citations) is refused as well, as too large to be a citation count.
 */
public final class Counts {
  /** 2^53: past it a JSON number is no longer exact in most readers. */
  public static final long JSON_EXACT = 1L << 53;

  private Counts() {}

  /**
   * What a source sent as a count.
   *
   * @param value the count, or null when there is none (absent, or refused)
   * @param problem why the value was refused, naming it ("not a whole number: 12.5"), or null
   */
  public record Checked(Integer value, String problem) {
    /** Whether a value was sent and refused. */
    public boolean refused() {
      return problem != null;
    }
  }

  private static final Checked ABSENT = new Checked(null, null);

  /**
   * Checks a value as a JSON reader hands it over untyped: {@code null}, a {@link Number} (Integer,
   * Long, BigInteger, Double, BigDecimal...), a String, a Boolean, a Map (object) or a Collection (array).
   */
  public static Checked check(Object raw) {
    if (raw == null) {
      return ABSENT;
    }
    if (raw instanceof Boolean b) {
      return refuse("not a number: " + b);
    }
    if (raw instanceof CharSequence s) {
      return refuse("not a number: a string " + shortQuote(s.toString()));
    }
    if (raw instanceof Map<?, ?>) {
      return refuse("not a number: an object");
    }
    if (raw instanceof Collection<?> || raw.getClass().isArray()) {
      return refuse("not a number: an array");
    }
    if (!(raw instanceof Number n)) {
      return refuse("not a number: " + raw.getClass().getSimpleName());
    }
    BigDecimal d;
    try {
      d = exact(n);
    } catch (NumberFormatException e) {
      return refuse("not a number: " + n); // NaN, Infinity
    }
    String shown = shown(n, d);
    if (d.signum() < 0) {
      return refuse("negative: " + shown);
    }
    BigInteger whole;
    try {
      whole = d.toBigIntegerExact();
    } catch (ArithmeticException e) {
      return refuse("not a whole number: " + shown);
    }
    if (whole.compareTo(BigInteger.valueOf(JSON_EXACT)) > 0) {
      return refuse("too large (past 2^53): " + shown);
    }
    if (whole.compareTo(BigInteger.valueOf(Integer.MAX_VALUE)) > 0) {
      return refuse("too large for a citation count: " + shown);
    }
    return new Checked(whole.intValue(), null);
  }

  /** Checks a count read from text as its digits ("1234", thousands separators already dropped). */
  public static Checked checkDigits(String digits) {
    if (digits == null || digits.isEmpty()) {
      return ABSENT;
    }
    try {
      return check(new BigInteger(digits));
    } catch (NumberFormatException e) {
      return refuse("not a number: a string " + shortQuote(digits));
    }
  }

  /** The value when it is a count, else null; for callers that report problems elsewhere. */
  public static Integer orNull(Object raw) {
    return check(raw).value();
  }

  private static BigDecimal exact(Number n) {
    if (n instanceof BigDecimal b) {
      return b;
    }
    if (n instanceof BigInteger b) {
      return new BigDecimal(b);
    }
    if (n instanceof Double || n instanceof Float) {
      return new BigDecimal(n.doubleValue()); // exact binary value: 12.5 stays 12.5; NaN throws
    }
    if (n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte) {
      return BigDecimal.valueOf(n.longValue());
    }
    return new BigDecimal(n.toString());
  }

  private static String shown(Number n, BigDecimal d) {
    if (n instanceof Double || n instanceof Float) {
      double v = n.doubleValue();
      return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
    String s = d.toString();
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }

  private static Checked refuse(String why) {
    return new Checked(null, why);
  }

  private static String shortQuote(String s) {
    String t = s.length() > 40 ? s.substring(0, 40) + "…" : s;
    StringBuilder b = new StringBuilder("\"");
    for (char c : t.toCharArray()) {
      b.append(c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) ? String.format("\\u%04x", (int) c) : c);
    }
    return b.append('"').toString();
  }
}
