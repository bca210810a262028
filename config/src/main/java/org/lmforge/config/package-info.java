/**
 * The repository's conf/*.conf as resources and their binding to records: ConfigBinder (HOCON to a
 * record, every key checked, a mistake named by its key), Defaults (a record's shipped values; no
 * Java code repeats one), Records (a record's copy with components replaced: every withX), Require
 * (the range checks of the records), and LocalFiles (the one way a local file is written whole).
 *
 * <p>Every other module depends on this one; it depends on none of them.
 */
package org.lmforge.config;
