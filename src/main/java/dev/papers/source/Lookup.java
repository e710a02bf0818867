package dev.papers.source;

import dev.papers.model.SourceRecord;

/** The outcome of asking one source about one paper. */
public sealed interface Lookup {

  /**
   * The source knows the paper; {@code note}, when not null, says what of its answer was not kept (a
   * count that is not a whole number of 0 or more, say), for {@code --verbose}.
   */
  record Found(SourceRecord record, String note) implements Lookup {
    public Found(SourceRecord record) {
      this(record, null);
    }
  }

  /** The source answered, and does not know the paper (or refused the id as malformed). */
  record NotFound(String reason) implements Lookup {}

  /** The source could not answer. */
  record Failed(SourceException error) implements Lookup {}
}
