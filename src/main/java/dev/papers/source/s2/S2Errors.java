package dev.papers.source.s2;

import dev.papers.http.Reply;
import dev.papers.model.Source;
import dev.papers.source.SourceException;
import dev.papers.source.SourceException.Kind;
import java.io.IOException;

/**
 * Semantic Scholar's failures as the program reports them, for the Graph API and the Recommendations
 * API alike: the API key (sent only in {@code x-api-key}) cut out of every message and URL, should an
 * answer echo it.
 */
final class S2Errors {
  private final String secret;
  private final String who;
  private final String answer;

  /**
   * @param secret the API key, or null
   * @param who what answered, as a message names it ("Semantic Scholar")
   * @param answer what could not be read ("Semantic Scholar's answer")
   */
  S2Errors(String secret, String who, String answer) {
    this.secret = secret;
    this.who = who;
    this.answer = answer;
  }

  boolean hasKey() {
    return secret != null;
  }

  /** A non-2xx answer that is not try-later: CLIENT for 4xx, SERVER otherwise, with S2's own words. */
  SourceException failure(Reply r) {
    String why = S2Parser.errorText(r.body());
    Kind kind = r.status() >= 400 && r.status() < 500 ? Kind.CLIENT : Kind.SERVER;
    String msg = who + " answered HTTP " + r.status() + (why == null ? "" : ": " + why);
    return new SourceException(Source.SEMANTIC_SCHOLAR.jsonName(), redact(r.url()), kind, r.status(), redact(msg));
  }

  /** An answer that is not what the API sends. */
  SourceException parseFailure(Reply r, IOException e) {
    return new SourceException(Source.SEMANTIC_SCHOLAR.jsonName(), redact(r.url()), Kind.PARSE, r.status(),
        redact("cannot read " + answer + ": " + S2Parser.plain(e)), null, null);
  }

  /** The same failure with the key blanked out of its message and URL. */
  SourceException clean(SourceException e) {
    if (secret == null || e.getMessage() == null || !e.getMessage().contains(secret)) {
      return e;
    }
    return new SourceException(e.source(), redact(e.url()), e.kind(), e.status(), redact(e.getMessage()),
        e.retryAt(), null);
  }

  String redact(String s) {
    return secret == null || s == null ? s : s.replace(secret, "***");
  }
}
