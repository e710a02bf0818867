package dev.papers.source;

import dev.papers.model.SourceRecord;

/** The outcome of asking one source about one paper. */
public sealed interface Lookup {

  /** The source knows the paper. */
  record Found(SourceRecord record) implements Lookup {}

  /** The source answered, and does not know the paper (or refused the id as malformed). */
  record NotFound(String reason) implements Lookup {}

  /** The source could not answer. */
  record Failed(SourceException error) implements Lookup {}
}
