package dev.papers.source;

import dev.papers.model.SourceRecord;
import java.util.Optional;

/** A source that finds the one paper best matching a title. */
public interface TitleSearch {
  Optional<SourceRecord> matchTitle(String title) throws SourceException;
}
