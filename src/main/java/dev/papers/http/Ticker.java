package dev.papers.http;

/**
 * Wall-clock milliseconds for spacing requests. Separate from the logical clock ({@code PAPERS_NOW}
 * may freeze that one), and shared across processes through the state directory.
 */
public interface Ticker {
  Ticker SYSTEM = System::currentTimeMillis;

  long millis();
}
