/**
 * The extract-html command's job: the main-text extractor alone on a directory of pages, to look at
 * what it keeps ({@code ExtractHtmlJob}, on the driver).
 *
 * <p>Its twin, the extractor itself, is org.lmforge.dataprep.extract; on a crawl it runs inside the
 * clean job (org.lmforge.pipeline.clean.IngestStage).
 */
package org.lmforge.pipeline.extract;
