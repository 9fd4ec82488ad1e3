package org.pkiaas.mail.boundary;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.pkiaas.mail.entity.OutgoingMail;

/**
 * Queues a mail in the caller's transaction: it goes out only if that transaction commits, right
 * after it, and is retried by {@link org.pkiaas.mail.control.MailDelivery} until the SMTP server
 * takes it. Queuing never blocks or fails an issuance because of the mail server.
 */
@Stateless
public class Mailer {

  @PersistenceContext EntityManager em;

  @Inject Event<MailQueued> queued;

  public void queue(String recipient, String subject, String body) {
    OutgoingMail mail = new OutgoingMail(recipient, subject, body);
    em.persist(mail);
    queued.fire(new MailQueued(mail.id()));
  }
}
