package dev.papers.source;

/** Told how far a long job has come; the CLI draws it on a terminal, tests ignore it. */
public interface Progress {
  Progress NONE = (done, total, what) -> {};

  void update(long done, long total, String what);
}
