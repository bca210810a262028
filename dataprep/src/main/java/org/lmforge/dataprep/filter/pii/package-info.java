/**
 * PII redaction: e-mail addresses, IP addresses, card numbers, IBANs, SSNs.
 *
 * <p>Part of org.lmforge.dataprep.filter; run on Spark by org.lmforge.pipeline.filter.
 */
package org.lmforge.dataprep.filter.pii;
