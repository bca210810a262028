package org.lmforge.dataprep.filter.text;

import java.util.Objects;
import java.util.function.BiFunction;

/**
 * What a function of a text gave for the last text this thread asked about: the filter chain passes
 * the same String (the same object) from rule family to rule family, so a measurement several
 * families share (the words, whether the script has word spaces) is taken once per document, not
 * once per family. The text is compared by identity (an edited document is a new String, and so
 * measured again); {@code key} (e.g. the language) by equality.
 */
final class LastText<K, V> {
  private final BiFunction<String, K, V> f;
  private final ThreadLocal<Object[]> last = ThreadLocal.withInitial(() -> new Object[3]);

  LastText(BiFunction<String, K, V> f) {
    this.f = f;
  }

  @SuppressWarnings("unchecked")
  V get(String text, K key) {
    Object[] l = last.get();
    if (l[0] == text && Objects.equals(l[1], key)) return (V) l[2];
    V v = f.apply(text, key);
    l[0] = text;
    l[1] = key;
    l[2] = v;
    return v;
  }
}
