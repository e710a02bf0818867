package dev.papers.digest;

import dev.papers.model.Paper;
import dev.papers.topic.Topic;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A topic's newsletter over a window.
 *
 * @param topic the topic
 * @param since the window's start
 * @param asOf the digest's now (the window's end)
 * @param fresh the members first seen in the window ("new"), best velocity first
 * @param rising the members whose count grew in the window, most growth first
 * @param readingList rank's first {@code --limit} members
 */
public record Digest(Topic topic, Instant since, Instant asOf, List<DigestEntry> fresh,
    List<DigestEntry> rising, List<DigestEntry> readingList) {

  public Digest {
    fresh = List.copyOf(fresh);
    rising = List.copyOf(rising);
    readingList = List.copyOf(readingList);
  }

  /**
   * Every paper the digest names, once each, numbered in order of first mention (new, rising, the
   * reading list): the numbered reference list a newsletter ends with.
   */
  public Map<String, Reference> references() {
    Map<String, Reference> refs = new LinkedHashMap<>();
    List<DigestEntry> all = new ArrayList<>(fresh);
    all.addAll(rising);
    all.addAll(readingList);
    for (DigestEntry e : all) {
      refs.computeIfAbsent(e.paper().id(), id -> new Reference(refs.size() + 1, e.paper()));
    }
    return refs;
  }

  /** A numbered entry of the reference list. */
  public record Reference(int number, Paper paper) {}
}
