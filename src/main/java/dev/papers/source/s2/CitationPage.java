package dev.papers.source.s2;

import java.util.Collections;
import java.util.List;

/**
 * One page of a paper's citations ({@code /paper/{id}/citations?fields=year}).
 *
 * @param offset the offset of this page, as S2 echoes it
 * @param next the offset of the next page, or null when there is none
 * @param years the citing papers' years, one per citation listed; {@code null} for a citing paper with
 *     no year
 */
public record CitationPage(Integer offset, Integer next, List<Integer> years) {
  public CitationPage {
    years = Collections.unmodifiableList(new java.util.ArrayList<>(years));
  }
}
