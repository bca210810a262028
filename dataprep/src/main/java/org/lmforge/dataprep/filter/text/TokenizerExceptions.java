package org.lmforge.dataprep.filter.text;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The English special cases of the word tokenizer: strings that become fixed tokens whatever the
 * affix rules say. Abbreviations keep their period ("Dr.", "e.g.", "a." .. "z."), clitics split off
 * their host ("don't" = "do" + "n't", "can't" = "ca" + "n't", "I'm" = "I" + "'m", "cannot" = "can"
 * + "not"). These are the cases that change word counts and lengths on ordinary English text; they
 * follow the behaviour of spaCy's English tokenizer (which datatrove's filters use for English),
 * written out as rules here. Each form exists in lower case and with a capital first letter, as
 * there.
 */
final class TokenizerExceptions {
  private TokenizerExceptions() {}

  private static final List<String> ABBREVIATIONS =
      List.of(
          "Adm.",
          "Ak.",
          "Ala.",
          "Apr.",
          "Ariz.",
          "Ark.",
          "Aug.",
          "Bros.",
          "Calif.",
          "Co.",
          "Colo.",
          "Conn.",
          "Corp.",
          "D.C.",
          "Dec.",
          "Del.",
          "Dr.",
          "E.G.",
          "E.g.",
          "Feb.",
          "Fla.",
          "Ga.",
          "Gen.",
          "Gov.",
          "I.E.",
          "I.e.",
          "Ia.",
          "Id.",
          "Ill.",
          "Inc.",
          "Ind.",
          "Jan.",
          "Jr.",
          "Jul.",
          "Jun.",
          "Kan.",
          "Kans.",
          "Ky.",
          "La.",
          "Ltd.",
          "Mar.",
          "Mass.",
          "Md.",
          "Messrs.",
          "Mich.",
          "Minn.",
          "Miss.",
          "Mo.",
          "Mont.",
          "Mr.",
          "Mrs.",
          "Ms.",
          "Mt.",
          "N.C.",
          "N.D.",
          "N.H.",
          "N.J.",
          "N.M.",
          "N.Y.",
          "Neb.",
          "Nebr.",
          "Nev.",
          "Nov.",
          "Oct.",
          "Okla.",
          "Ore.",
          "Pa.",
          "Ph.D.",
          "Prof.",
          "Rep.",
          "Rev.",
          "S.C.",
          "Sen.",
          "Sep.",
          "Sept.",
          "St.",
          "Tenn.",
          "Va.",
          "Wash.",
          "Wis.",
          "a.m.",
          "co.",
          "e.g.",
          "i.e.",
          "p.m.",
          "v.s.",
          "vs.",
          "ä.",
          "ö.",
          "ü.",
          // single tokens that contain characters the affix rules would split on
          "and/or",
          "w/o",
          "C++",
          "o'clock",
          "O'clock",
          "ma'am",
          "Ma'am",
          "'em",
          "'bout",
          "'cause",
          "'cos",
          "'coz",
          "'cuz",
          "'nuff",
          "'s",
          "'S",
          "'d",
          "'ll",
          "'re",
          "’s",
          "’S",
          "’d",
          "’ll",
          "’re",
          ":)",
          "(:",
          ":*",
          ":(",
          ":-)",
          ":-(",
          ";)",
          ";-)",
          ":D",
          ":P",
          ":p",
          ":/",
          "<3",
          "=)",
          "XD",
          "xD");

  /** Hosts of "n't" and of the apostrophe-less "nt" (the same list). */
  private static final String NEGATION_HOSTS =
      "ai are ca could dare did do does had has have is may might must need "
          + "ought sha should was were wo would";

  /** Hosts of "'ve" and of "ve" (the same list). */
  private static final String HAVE_HOSTS =
      "could how i might must not should there these they those we what when "
          + "where who why would you";

  /** Clitic → the hosts it splits from (lower case). "'" and "’" forms share a list. */
  private static final Map<String, String> CLITICS =
      Map.ofEntries(
          Map.entry("n't", NEGATION_HOSTS),
          Map.entry("nt", NEGATION_HOSTS),
          Map.entry("'s", "he how it let she that there this what when where who why"),
          Map.entry("s", "he how she that there this what when where who why"),
          Map.entry("'m", "i"),
          Map.entry("m", "i"),
          Map.entry("'re", "how there these they those we what when where who why you"),
          Map.entry("re", "how there these they those what when where why you"),
          Map.entry("'ve", HAVE_HOSTS),
          Map.entry("ve", HAVE_HOSTS),
          Map.entry(
              "'ll",
              "he how i it she that there these they this those we what when where who why you"),
          Map.entry("ll", "how it that there these they this those what when where who why you"),
          Map.entry(
              "'d",
              "he how i it she that there these they this those we what when where who why you"),
          Map.entry(
              "d", "he how i it that there these they this those we what when where who why you"));

  /** Whole-string special cases → their tokens. */
  static final Map<String, List<String>> SPECIALS = build();

  private static Map<String, List<String>> build() {
    Map<String, List<String>> m = new HashMap<>();
    for (char c = 'a'; c <= 'z'; c++) m.put(c + ".", List.of(c + "."));
    for (String a : ABBREVIATIONS) m.put(a, List.of(a));
    for (Map.Entry<String, String> e : CLITICS.entrySet()) {
      String clitic = e.getKey();
      for (String host : e.getValue().split(" ")) {
        addBothCases(m, host, clitic);
        if (clitic.indexOf('\'') >= 0) addBothCases(m, host, clitic.replace('\'', '\u2019'));
      }
    }
    addBothCases(m, "can", "not");
    addBothCases(m, "gon", "na");
    addBothCases(m, "got", "ta");
    for (String s :
        List.of("doin", "goin", "havin", "lovin", "nothin", "nuthin", "somethin", "ol")) {
      for (String form : List.of(s, s + "'", s + "\u2019")) {
        m.put(form, List.of(form));
        String cap = Character.toUpperCase(form.charAt(0)) + form.substring(1);
        m.put(cap, List.of(cap));
      }
    }
    return Map.copyOf(m);
  }

  private static void addBothCases(Map<String, List<String>> m, String host, String clitic) {
    m.putIfAbsent(host + clitic, List.of(host, clitic));
    String capHost =
        host.equals("i") ? "I" : Character.toUpperCase(host.charAt(0)) + host.substring(1);
    m.putIfAbsent(capHost + clitic, List.of(capHost, clitic));
  }
}
