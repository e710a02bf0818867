package dev.papers.http;

import java.time.Duration;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * How one source is asked: its name, the least time between two requests, the retry bounds, extra
 * headers (an API key, say) and how to recognize a try-later answer that is not a 429/503/504.
 *
 * @param source the source name (names the interval's state file, appears in errors)
 * @param interval least time between two requests to this source, across processes
 * @param maxRetries retries of a try-later answer before giving up
 * @param maxBackoff the longest wait between two tries
 * @param headers extra request headers; their values never appear in any message
 * @param softTryLater recognizes try-later answers by their body ("Rate exceeded.")
 * @param answerAtOnce recognizes answers that are handed back at once, never retried, whatever their
 *     status (OpenAlex's 429: the day's allowance is spent, and asking again only wastes requests); null
 *     for none
 */
public record Policy(
    String source,
    Duration interval,
    int maxRetries,
    Duration maxBackoff,
    Map<String, String> headers,
    Predicate<Reply> softTryLater,
    Predicate<Reply> answerAtOnce) {

  public Policy(String source, Duration interval, int maxRetries, Duration maxBackoff, Map<String, String> headers,
      Predicate<Reply> softTryLater) {
    this(source, interval, maxRetries, maxBackoff, headers, softTryLater, null);
  }

  public Policy {
    interval = interval == null || interval.isNegative() ? Duration.ZERO : interval;
    maxRetries = Math.max(0, maxRetries);
    maxBackoff = maxBackoff == null || maxBackoff.isNegative() ? Duration.ZERO : maxBackoff;
    headers = headers == null ? Map.of() : Map.copyOf(headers);
  }

  /** Names the headers but never shows their values (an API key is a secret). */
  @Override
  public String toString() {
    return "Policy[source=" + source + ", interval=" + interval + ", maxRetries=" + maxRetries
        + ", maxBackoff=" + maxBackoff + ", headers=" + new TreeSet<>(headers.keySet())
        + ", softTryLater=" + (softTryLater != null) + ", answerAtOnce=" + (answerAtOnce != null) + "]";
  }

  public Policy withHeaders(Map<String, String> h) {
    return new Policy(source, interval, maxRetries, maxBackoff, h, softTryLater, answerAtOnce);
  }
}
