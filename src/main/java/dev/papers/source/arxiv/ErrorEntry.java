package dev.papers.source.arxiv;

/**
 * An error arXiv reported as an Atom entry (HTTP 400, or 200 from the older API).
 *
 * @param id the entry's id, e.g. {@code https://arxiv.org/api/errors#incorrect_id_format_for_abc}
 * @param message the entry's summary, e.g. {@code incorrect id format for abc} (trimmed, else as sent)
 */
public record ErrorEntry(String id, String message) {}
