package dev.papers.source.arxiv;

import dev.papers.model.PaperId;
import java.time.Instant;
import java.util.List;

/**
 * One paper entry of an arXiv feed, text exactly as sent (wrapped lines and odd characters included;
 * normalization collapses whitespace later).
 *
 * @param id the arXiv id from {@code <id>}, with the version arXiv names (it always sends one)
 * @param title {@code <title>} text, or null when absent
 * @param authors {@code <author><name>} texts, in order
 * @param summary {@code <summary>} text (the abstract), or null
 * @param published {@code <published>}: when version 1 appeared, or null
 * @param updated {@code <updated>}: when this version appeared, or null
 * @param primaryCategory {@code arxiv:primary_category term}, or null
 * @param categories every {@code <category term>}, in order
 * @param doi {@code arxiv:doi}, or null
 * @param journalRef {@code arxiv:journal_ref}, or null
 * @param comment {@code arxiv:comment}, or null
 */
public record Entry(
    PaperId id,
    String title,
    List<String> authors,
    String summary,
    Instant published,
    Instant updated,
    String primaryCategory,
    List<String> categories,
    String doi,
    String journalRef,
    String comment) {

  public Entry {
    if (id == null || id.kind() != PaperId.Kind.ARXIV) {
      throw new IllegalArgumentException("an entry needs an arXiv id");
    }
    authors = authors == null ? List.of() : List.copyOf(authors);
    categories = categories == null ? List.of() : List.copyOf(categories);
  }
}
