/**
 * The embedded sample: Europarl debates written as a byte-identical WARC for the first command.
 *
 * <p>Used by org.lmforge.pipeline.clean when no input is given; its twin
 * org.lmforge.pipeline.sample writes it alone (sample-warc).
 */
package org.lmforge.dataprep.sample;
