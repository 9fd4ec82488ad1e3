package org.pkiaas.health.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.pkiaas.health.control.HealthFacts;
import org.pkiaas.health.control.HealthFacts.Backlog;

/**
 * Readiness: the mail outbox drains. Mail waits there while the SMTP server is away and nothing is
 * lost, so a backlog alone is not a fault; one whose oldest mail has waited longer than {@code
 * pkiaas.health.mail.max-wait.minutes} (60 by default) is: claim links are not reaching people.
 */
@ApplicationScoped
public class MailOutboxCheck implements HealthCheck {

  @Inject HealthFacts facts;

  @Inject
  @ConfigProperty(name = "pkiaas.health.mail.max-wait.minutes", defaultValue = "60")
  int maxWaitMinutes;

  @Override
  public HealthCheckResponse call() {
    return Checks.guarded(
        "pkiaas-mail-outbox",
        builder -> {
          Backlog backlog = facts.mailBacklog();
          builder.withData("unsent", backlog.count());
          if (backlog.oldest().isEmpty()) {
            return builder.up();
          }
          Duration waited = Duration.between(backlog.oldest().get(), Instant.now());
          builder.withData("oldestWaitSeconds", Math.max(0, waited.toSeconds()));
          return waited.compareTo(Duration.ofMinutes(maxWaitMinutes)) > 0
              ? builder.down()
              : builder.up();
        });
  }
}
