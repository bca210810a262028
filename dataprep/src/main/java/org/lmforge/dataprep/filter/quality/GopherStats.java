package org.lmforge.dataprep.filter.quality;

import java.io.Serializable;

/**
 * What the Gopher quality rules measure on one document; {@link GopherQualityFilter#judge} decides
 * from it. For text without word spaces the word-based fields are NaN / -1 and their rules are
 * skipped. {@code stopWordRule}: the stop-word rule applies to the document's language ({@code
 * stopWordLanguages}).
 */
public record GopherStats(
    boolean noSpaceScript,
    int words,
    double meanWordLength,
    double hashRatio,
    double ellipsisRatio,
    double bulletLineFrac,
    double ellipsisLineFrac,
    double alphaWordFrac,
    int stopWords,
    boolean stopWordRule)
    implements Serializable {}
