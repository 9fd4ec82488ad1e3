package org.pkiaas.health.boundary;

import java.util.List;
import java.util.stream.Collectors;
import org.pkiaas.health.control.HealthFacts.PublishingCa;

/** How a check names the CAs it found wanting: "name (id)", at most ten, then how many more. */
final class Names {

  private static final int SHOWN = 10;

  private Names() {}

  static String of(List<PublishingCa> cas) {
    String shown =
        cas.stream()
            .limit(SHOWN)
            .map(ca -> ca.name() + " (" + ca.id() + ")")
            .collect(Collectors.joining(", "));
    return cas.size() > SHOWN ? shown + " and " + (cas.size() - SHOWN) + " more" : shown;
  }
}
