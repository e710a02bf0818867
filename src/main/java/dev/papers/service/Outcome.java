package dev.papers.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a command did, for its exit code and its closing messages: which inputs were done, and each
 * failure with its source and kind. Its {@link Status} follows the contract's precedence; the command
 * line maps it to an exit code.
 */
public final class Outcome {
  /** How a command ended, in the contract's terms. */
  public enum Status {
    /** Everything asked for was done. */
    DONE,
    /** Some failure is of the try-later kind; what succeeded is saved. */
    TRY_LATER,
    /** Some papers or sources failed for good; what succeeded is saved. */
    PARTIAL,
    /** Nothing could be done. */
    FAILED
  }

  /** One thing that failed. */
  public record Failure(String input, String source, String message, boolean tryLater, Instant retryAt) {}

  private final Map<String, Boolean> done = new LinkedHashMap<>();
  private final List<Failure> failures = new ArrayList<>();

  /** Records that an input was handled in full (true) or only in part (false). */
  public synchronized void done(String input) {
    done.putIfAbsent(input, Boolean.TRUE);
  }

  public synchronized void fail(Failure f) {
    failures.add(f);
  }

  public synchronized List<Failure> failures() {
    return List.copyOf(failures);
  }

  public synchronized boolean anyDone() {
    return !done.isEmpty();
  }

  public synchronized boolean anyTryLater() {
    return failures.stream().anyMatch(Failure::tryLater);
  }

  /** Done if all was done; then try-later if any failure is; then partial if something was done; else failed. */
  public synchronized Status status() {
    if (failures.isEmpty()) {
      return Status.DONE;
    }
    if (anyTryLater()) {
      return Status.TRY_LATER;
    }
    return anyDone() ? Status.PARTIAL : Status.FAILED;
  }

  /** Failures grouped: one line per (source, message), naming the inputs it hit. */
  public synchronized List<String> messages() {
    Map<String, List<String>> grouped = new LinkedHashMap<>();
    for (Failure f : failures) {
      String head = (f.source() == null ? "" : f.source() + ": ") + f.message();
      grouped.computeIfAbsent(head, k -> new ArrayList<>());
      if (f.input() != null && !grouped.get(head).contains(f.input())) {
        grouped.get(head).add(f.input());
      }
    }
    List<String> out = new ArrayList<>();
    grouped.forEach((head, inputs) -> {
      String which = inputs.isEmpty() ? ""
          : inputs.size() <= 3 ? " (" + String.join(", ", inputs) + ")"
          : " (" + String.join(", ", inputs.subList(0, 3)) + " and " + (inputs.size() - 3) + " more)";
      out.add(head + which);
    });
    return out;
  }
}
