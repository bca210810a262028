/**
 * The sample-warc command's job: writes the embedded default input as a WARC file ({@code
 * SampleWarcJob}, on the driver).
 *
 * <p>Its twin, the sample itself (Europarl debates in real-site pages), is
 * org.lmforge.dataprep.sample; the clean job writes the same file when it is given no input.
 */
package org.lmforge.pipeline.sample;
