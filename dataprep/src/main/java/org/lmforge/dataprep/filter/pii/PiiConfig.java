package org.lmforge.dataprep.filter.pii;

import java.io.Serializable;
import java.util.List;
import org.lmforge.config.Defaults;

/**
 * PII redaction: each kind found is replaced with a fixed placeholder, the same for every
 * occurrence (so a model learns the format, never the value), and counted ({@code pii.email=3}).
 *
 * @param email redact e-mail addresses
 * @param ip redact IPv4 and IPv6 addresses
 * @param phone redact phone numbers (libphonenumber, leniency VALID)
 * @param card redact payment card numbers (issuer prefix and length, Luhn check)
 * @param iban redact IBANs (country length, mod-97 check)
 * @param ssn redact US social security numbers written ddd-dd-dddd in issuable ranges
 * @param emailPlaceholder "&lt;EMAIL&gt;"
 * @param ipPlaceholder "&lt;IP_ADDRESS&gt;"
 * @param phonePlaceholder "&lt;PHONE&gt;"
 * @param cardPlaceholder "&lt;CARD_NUMBER&gt;"
 * @param ibanPlaceholder "&lt;IBAN&gt;"
 * @param ssnPlaceholder "&lt;SSN&gt;"
 * @param redactNonGlobalIps false: private, loopback, link-local, documentation and reserved ranges
 *     (192.168.0.1, 127.0.0.1, 2001:db8::1, netmasks) identify nobody and appear in tutorials, so
 *     they are kept (Python's {@code ipaddress.is_global} semantics)
 * @param phoneRegions "language=REGION" pairs: the region used to read national-format numbers in a
 *     document of that language; other languages only match international "+..." numbers
 */
public record PiiConfig(
    boolean email,
    boolean ip,
    boolean phone,
    boolean card,
    boolean iban,
    boolean ssn,
    String emailPlaceholder,
    String ipPlaceholder,
    String phonePlaceholder,
    String cardPlaceholder,
    String ibanPlaceholder,
    String ssnPlaceholder,
    boolean redactNonGlobalIps,
    List<String> phoneRegions)
    implements Serializable {

  /** The shipped defaults: {@code filters.pii} of conf/filters.conf. */
  public static PiiConfig defaults() {
    return Defaults.of("filters", "filters.pii", PiiConfig.class);
  }
}
