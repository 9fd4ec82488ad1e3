package org.pkiaas.view.manage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.util.Locale;

/**
 * What the console shows for a status: words, not the enum constant ({@code ON_HOLD} reads "On
 * hold", {@code AWAITING_CERTIFICATE} "Awaiting certificate"). Pages keep the constant for styling
 * ({@code class="status-ON_HOLD"}) and for tests that look an element up by it.
 */
@Named
@ApplicationScoped
public class StatusLabels {

  /** {@code #{statusLabels.of(c.status())}}: an enum constant or its name, in words. */
  public String of(Object status) {
    if (status == null) {
      return "";
    }
    String name = status instanceof Enum<?> constant ? constant.name() : status.toString();
    if (name.isBlank()) {
      return "";
    }
    String words = name.trim().replace('_', ' ').toLowerCase(Locale.ROOT);
    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }
}
