package dev.papers.cli;

import dev.papers.config.UsageException;
import dev.papers.model.InvalidIdException;
import dev.papers.model.PaperId;
import java.util.ArrayList;
import java.util.List;

/** Parses every id of a command before anything is sent; one bad id stops the command. */
final class Ids {
  private Ids() {}

  static List<PaperId> parseAll(List<String> inputs) {
    List<PaperId> ids = new ArrayList<>(inputs.size());
    for (String in : inputs) {
      try {
        ids.add(PaperId.parse(in));
      } catch (InvalidIdException e) {
        throw new UsageException(e.getMessage());
      }
    }
    return ids;
  }

  static PaperId parse(String in) {
    return parseAll(List.of(in)).get(0);
  }
}
