package org.lmforge.dataprep.filter.quality;

import java.io.Serializable;

/**
 * What the Gopher repetition rules measure on one document. {@code topNGramCharFrac[n-2]} for n =
 * 2..4 and {@code dupNGramCharFrac[n-5]} for n = 5..10; both are empty for text without word spaces
 * (rules skipped).
 */
public record RepetitionStats(
    double dupLineFrac,
    double dupParaFrac,
    double dupLineCharFrac,
    double dupParaCharFrac,
    double[] topNGramCharFrac,
    double[] dupNGramCharFrac)
    implements Serializable {}
