package dev.papers.model;

import java.time.Instant;
import java.util.SortedMap;

/**
 * Citations by the citing paper's year, as counted at {@code madeAt}.
 *
 * @param source where the citing papers were listed ("semanticScholar")
 * @param madeAt when the histogram was made
 * @param byYear citations per year (citing papers with no year are left out)
 * @param counted how many citing papers were read
 * @param total the total citation count the source reported when the histogram was made
 * @param partial true when the source's paging cap stopped the count before the total; the years
 *     are then scaled to the total
 */
public record Histogram(
    String source,
    Instant madeAt,
    SortedMap<Integer, Integer> byYear,
    int counted,
    Integer total,
    boolean partial) {}
