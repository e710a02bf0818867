package dev.papers.cache;

/** The cache cannot be read or written (a broken file, a full disk, a newer schema). */
public class CacheException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public CacheException(String message, Throwable cause) {
    super(message, cause);
  }

  public CacheException(String message) {
    super(message);
  }
}
