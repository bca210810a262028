package org.lmforge.model.gpt;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An exactness test run once per model variant, the test's parameter naming it for {@link
 * TestModels#config}: GPT-2 ({@code "LEARNED,false"}) and ALiBi with one shared key/value head
 * ({@code "ALIBI,true"}). One list, so a new variant is added to every such test at once.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ParameterizedTest
@ValueSource(strings = {"LEARNED,false", "ALIBI,true"})
public @interface EachVariant {}
