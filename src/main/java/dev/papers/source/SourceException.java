package dev.papers.source;

import java.time.Instant;

/**
 * Every upstream failure: which source, which URL, and what kind, so that one place can turn it into
 * a message and an exit code. Never carries a secret (URLs hold none; headers are never quoted).
 */
public class SourceException extends Exception {
  private static final long serialVersionUID = 1L;

  /** What kind of failure, which decides the exit code. */
  public enum Kind {
    /** 4xx other than 429, an error entry: this request will never work as it is. */
    CLIENT,
    /** 5xx other than 503/504, after retries. */
    SERVER,
    /** The answer could not be read. */
    PARSE,
    /** Rate limited or unavailable after the retries, or a cool-down: try again later. */
    TRY_LATER,
    /** A captcha or block page: try again later, much later. */
    BLOCKED,
    /** Connection refused, no route, DNS failure, timeout. */
    UNREACHABLE
  }

  private final String source;
  private final String url;
  private final Kind kind;
  private final int status;
  private final transient Instant retryAt;

  public SourceException(String source, String url, Kind kind, int status, String message, Instant retryAt,
      Throwable cause) {
    super(message, cause);
    this.source = source;
    this.url = url;
    this.kind = kind;
    this.status = status;
    this.retryAt = retryAt;
  }

  public SourceException(String source, String url, Kind kind, int status, String message) {
    this(source, url, kind, status, message, null, null);
  }

  public String source() {
    return source;
  }

  /** The URL asked (query string included; never a secret). */
  public String url() {
    return url;
  }

  public Kind kind() {
    return kind;
  }

  /** HTTP status, or 0 when there was no answer. */
  public int status() {
    return status;
  }

  /** When it makes sense to try again, if known. */
  public Instant retryAt() {
    return retryAt;
  }

  /** Try-later failures (rate limits, blocks, cool-downs) give exit code 75. */
  public boolean isTryLater() {
    return kind == Kind.TRY_LATER || kind == Kind.BLOCKED;
  }
}
