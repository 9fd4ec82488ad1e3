package org.pkiaas.it;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** A real SMTP server (GreenMail) in the test JVM, where the tests' WildFly delivers its mail. */
public final class MailServer {

  private static final int PORT = Integer.getInteger("pkiaas.it.smtp-port", 3125);
  private static GreenMail server;

  private MailServer() {}

  public static synchronized void start() {
    if (server == null) {
      server = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
      server.start();
    }
  }

  /** A fresh address on the test domain, so that each test reads only its own mail. */
  public static String mailbox() {
    return "holder-" + java.util.UUID.randomUUID().toString().substring(0, 8) + "@example.test";
  }

  /** Runs the server for a test class: {@code @ExtendWith(MailServer.Running.class)}. */
  public static final class Running implements BeforeAllCallback, AfterAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
      start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
      stop();
    }
  }

  public static synchronized void stop() {
    if (server != null) {
      server.stop();
      server = null;
    }
  }

  /** Waits for a message to {@code recipient} that matches, and returns its text. */
  public static String awaitMessage(String recipient, Predicate<String> matching, Duration timeout)
      throws Exception {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      GreenMail current;
      synchronized (MailServer.class) {
        current = server;
      }
      if (current != null) {
        List<MimeMessage> received = Arrays.asList(current.getReceivedMessages());
        for (MimeMessage message : received) {
          String to = message.getAllRecipients()[0].toString();
          String text = message.getSubject() + "\n" + message.getContent().toString();
          if (to.equals(recipient) && matching.test(text)) {
            return text;
          }
        }
      }
      Thread.sleep(250);
    }
    throw new AssertionError("No matching mail to " + recipient + " within " + timeout);
  }
}
