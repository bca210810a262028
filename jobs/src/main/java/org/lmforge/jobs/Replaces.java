package org.lmforge.jobs;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a command's option: the setting of the command's section it replaces ({@code "output"} on
 * tokenize's {@code --output} is {@code tokenize.output}). The value goes into the settings before
 * they are bound ({@link ConfOptions#replacedBy}), so that it is checked, printed and recorded as
 * any other setting: a record changed after binding printed {@code "law":"auto"} for {@code
 * fit-scaling --law kaplan}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
@interface Replaces {
  /** The key under the command's section. */
  String value();
}
