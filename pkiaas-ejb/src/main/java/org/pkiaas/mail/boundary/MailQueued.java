package org.pkiaas.mail.boundary;

/** A mail was queued; observed after the commit to send it at once. */
public record MailQueued(String mailId) {}
