package org.lmforge.jobs;

import java.lang.reflect.Field;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The usage help of lmforge's commands: picocli's, with the description of each option marked
 * {@link Replaces} ending in the setting it replaces ("Replaces tokenize.output."), read from the
 * annotation, so that the help names the key the option really writes and no description has to
 * repeat it by hand.
 */
final class ReplacesHelp extends Help {
  ReplacesHelp(CommandSpec command, ColorScheme colors) {
    super(command, colors);
  }

  @Override
  public IOptionRenderer createDefaultOptionRenderer() {
    IOptionRenderer picocli = super.createDefaultOptionRenderer();
    return (option, labels, colors) -> {
      Ansi.Text[][] rows = picocli.render(option, labels, colors);
      String key = replacedSetting(option);
      if (key != null && rows.length > 0) {
        Ansi.Text[] last = rows[rows.length - 1];
        int description = last.length - 1;
        last[description] = last[description].concat(" Replaces " + key + ".");
      }
      return rows;
    };
  }

  /** {@code section.key} of the setting {@code option} replaces, or null. */
  private String replacedSetting(OptionSpec option) {
    if (!(option.userObject() instanceof Field f)) return null;
    Replaces r = f.getAnnotation(Replaces.class);
    if (r == null) return null;
    Object command = commandSpec().userObject();
    String section = command instanceof SettingsCommand s ? s.section() : commandSpec().name();
    return section + "." + r.value();
  }
}
