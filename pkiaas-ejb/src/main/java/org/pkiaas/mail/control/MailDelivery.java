package org.pkiaas.mail.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.pkiaas.mail.boundary.MailQueued;
import org.pkiaas.mail.entity.OutgoingMail;
import org.pkiaas.problem.Incidents;

/**
 * Sends the outbox through the {@code java:jboss/mail/pkiaas} session: right after a mail is
 * committed, and every 20 seconds for whatever is due (a retry, or a mail another node could not
 * send). A mail server that is down is logged and tried again later.
 */
@Startup
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class MailDelivery {

  private static final Logger LOG = Logger.getLogger(MailDelivery.class.getName());
  private static final int BATCH = 50;

  @Resource(lookup = "java:jboss/mail/pkiaas")
  Session session;

  @Resource ManagedExecutorService executor;

  @Inject Outbox outbox;

  private final AtomicBoolean running = new AtomicBoolean();

  @PostConstruct
  void timeouts() {
    // Jakarta Mail waits forever by default; a hung SMTP server must not hold a thread.
    session.getProperties().putIfAbsent("mail.smtp.connectiontimeout", "10000");
    session.getProperties().putIfAbsent("mail.smtp.timeout", "10000");
    session.getProperties().putIfAbsent("mail.smtp.writetimeout", "10000");
  }

  public void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) MailQueued queued) {
    executor.execute(this::deliverDue);
  }

  @Schedule(hour = "*", minute = "*", second = "*/20", persistent = false)
  void everyTwentySeconds() {
    try {
      deliverDue();
    } catch (RuntimeException e) {
      // the outbox is unreachable (database outage): one line, and the next beat tries again
      Incidents.log(LOG, Level.WARNING, "Mail delivery skipped a beat", e);
    }
  }

  /** Sends what is due; one run at a time on this node. */
  public void deliverDue() {
    if (!running.compareAndSet(false, true)) {
      return;
    }
    try {
      for (String id : outbox.due(BATCH)) {
        OutgoingMail mail = outbox.claim(id);
        if (mail != null) {
          send(mail);
        }
      }
    } finally {
      running.set(false);
    }
  }

  private void send(OutgoingMail mail) {
    try {
      MimeMessage message = new MimeMessage(session);
      message.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.recipient(), true));
      message.setSubject(mail.subject(), "UTF-8");
      message.setText(mail.body(), "UTF-8");
      Transport.send(message);
      outbox.sent(mail.id());
    } catch (MessagingException | RuntimeException e) {
      LOG.warning(
          () ->
              "PKIaaS: mail to "
                  + mail.recipient()
                  + " not sent (attempt "
                  + (mail.attempts() + 1)
                  + "), will retry: "
                  + e.getMessage());
      outbox.failed(mail.id(), e.toString());
    }
  }
}
