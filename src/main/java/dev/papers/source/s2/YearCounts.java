package dev.papers.source.s2;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** Counting citing papers by year, and scaling a partial count up to a known total. Pure. */
final class YearCounts {
  private YearCounts() {}

  /** Citations per year; citing papers with no year are left out. */
  static SortedMap<Integer, Integer> count(List<Integer> years) {
    SortedMap<Integer, Integer> m = new TreeMap<>();
    for (Integer y : years) {
      if (y != null) {
        m.merge(y, 1, Integer::sum);
      }
    }
    return m;
  }

  /**
   * Scales counts made from {@code counted} citing papers (those with no year included) to {@code total}
   * citing papers, as if the ones not read had the same spread of years.
   *
   * <p>Each year gets {@code count x total / counted}, rounded by largest remainder: every year gets the
   * whole part, and the years with the largest fractions (the later year on a tie) get one more each
   * until the sum is {@code count-sum x total / counted} rounded half up. So the years add up exactly to
   * the scaled number of citing papers that have a year.
   */
  static SortedMap<Integer, Integer> scale(SortedMap<Integer, Integer> counts, int counted, int total) {
    if (counted <= 0 || total <= counted) {
      return new TreeMap<>(counts);
    }
    long sum = 0;
    for (int c : counts.values()) {
      sum += c;
    }
    long target = (sum * total * 2 + counted) / (2L * counted);
    SortedMap<Integer, Integer> out = new TreeMap<>();
    List<long[]> remainders = new ArrayList<>();
    long given = 0;
    for (Map.Entry<Integer, Integer> e : counts.entrySet()) {
      long num = (long) e.getValue() * total;
      long whole = num / counted;
      out.put(e.getKey(), (int) whole);
      given += whole;
      remainders.add(new long[] {num % counted, e.getKey()});
    }
    remainders.sort(Comparator.<long[]>comparingLong(r -> r[0]).thenComparingLong(r -> r[1]).reversed());
    for (int i = 0; given < target && i < remainders.size(); i++, given++) {
      out.merge((int) remainders.get(i)[1], 1, Integer::sum);
    }
    return out;
  }
}
