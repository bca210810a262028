package org.lmforge.dataprep.ingest;

import java.io.Serializable;
import java.time.Instant;

/** A page after decoding, main-text extraction and language ID: one row of the clean corpus. */
public record CleanPage(
    String id,
    String url,
    String domain,
    Instant crawlDate,
    String language,
    double languageScore,
    String title,
    String text,
    String sourceFile,
    long recordOffset,
    String contentType,
    int httpStatus,
    String charsetDeclared,
    String charsetDetected,
    String robots)
    implements Serializable {}
