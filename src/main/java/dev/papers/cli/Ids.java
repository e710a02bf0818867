package dev.papers.cli;

import dev.papers.config.UsageException;
import dev.papers.model.InvalidIdException;
import dev.papers.model.PaperId;
import java.util.ArrayList;
import java.util.List;

/** Parses every id of a command before anything is sent; one bad id stops the command. */
final class Ids {
  private Ids() {}

  /** Every id parsed; an arXiv id numbered after now's month is refused too. */
  static List<PaperId> parseAll(List<String> inputs, java.time.Clock clock) {
    List<PaperId> ids = new ArrayList<>(inputs.size());
    for (String in : inputs) {
      try {
        ids.add(PaperId.parse(in).notAfter(clock.instant(), in));
      } catch (InvalidIdException e) {
        throw new UsageException(e.getMessage());
      }
    }
    return ids;
  }

  static PaperId parse(String in, java.time.Clock clock) {
    return parseAll(List.of(in), clock).get(0);
  }
}
