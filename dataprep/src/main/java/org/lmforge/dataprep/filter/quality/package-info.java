/**
 * Quality rules: C4, FineWeb, Gopher quality and repetition, and the fastText-style quality
 * classifier.
 *
 * <p>Part of org.lmforge.dataprep.filter; run on Spark by org.lmforge.pipeline.filter.
 */
package org.lmforge.dataprep.filter.quality;
