package dev.papers.discover;

import java.util.List;

/**
 * What a document states about a paper it cites: its title, and where a reading note or a library
 * entry says so, its year, venue and authors. Any part may be null (authors: empty).
 *
 * @param title the title as stated, one line, without quotes or book-title marks
 * @param year the year
 * @param venue the venue (a journal, a conference)
 * @param authors the authors in the document's order, "First Last"
 */
public record Stated(String title, Integer year, String venue, List<String> authors) {
  public static final Stated NONE = new Stated(null, null, null, List.of());

  public Stated {
    authors = authors == null ? List.of() : List.copyOf(authors);
  }

  public static Stated title(String title) {
    return new Stated(title, null, null, List.of());
  }

  /** Whether it states nothing at all. */
  public boolean isEmpty() {
    return title == null && year == null && venue == null && authors.isEmpty();
  }

  /** This, with the gaps filled from another statement. */
  public Stated orElse(Stated other) {
    if (other == null) {
      return this;
    }
    return new Stated(title != null ? title : other.title, year != null ? year : other.year,
        venue != null ? venue : other.venue, authors.isEmpty() ? other.authors : authors);
  }
}
