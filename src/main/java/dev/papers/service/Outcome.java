package dev.papers.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a command did, for its exit code and its closing messages: which inputs were done, and each
 * failure with its source and kind. The exit code follows the contract's precedence.
 */
public final class Outcome {
  /** Exit codes of the contract. */
  public static final int OK = 0;
  public static final int NOTHING_DONE = 1;
  public static final int USAGE = 2;
  public static final int PARTIAL = 3;
  public static final int TRY_LATER = 75;

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

  public synchronized int doneCount() {
    return done.size();
  }

  public synchronized boolean anyDone() {
    return !done.isEmpty();
  }

  public synchronized boolean anyTryLater() {
    return failures.stream().anyMatch(Failure::tryLater);
  }

  /** 0 if all was done; then 75 if any failure is try-later; then 3 if something was done; else 1. */
  public synchronized int exitCode() {
    if (failures.isEmpty()) {
      return OK;
    }
    if (anyTryLater()) {
      return TRY_LATER;
    }
    return anyDone() ? PARTIAL : NOTHING_DONE;
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
