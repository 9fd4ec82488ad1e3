package org.pkiaas.rowid;

import java.time.Instant;
import java.util.UUID;
import org.pkiaas.random.Randomness;

/**
 * Row ids: every entity's primary key is a time-ordered UUID (RFC 9562 §5.7, version 7) in its text
 * form: 48 bits of the Unix time in milliseconds, 12 bits of the time within that millisecond, then
 * 62 random bits from this thread's {@link Randomness}. {@code UUID.randomUUID()} draws on the
 * JDK's shared generator, and its callers queue on that generator's lock (seen with JFR on the ACME
 * server).
 *
 * <p>Why time first: InnoDB stores each table's rows in its primary key's order (the clustered
 * index). A random key sends every insert to a random page of that index, which under load and with
 * a table larger than the buffer pool means reading that page from disk, splitting half-empty pages
 * and writing many of them back: measured on MariaDB with tables of 200,000 certificate rows and a
 * 128 MB buffer pool, four buffer-pool reads, four to five pages written and 0.58–0.59 ms of the
 * database's CPU per single-row commit, against 0.6 reads, 1.2–1.4 pages and 0.32–0.35 ms for these
 * keys, whose table also came out a quarter smaller (issue 21; docs/BENCHMARKS.md, "Row keys"). Ids
 * made at once on several nodes still land on the index's last pages. Secondary indexes on random
 * values (a certificate's serial, its key's hash) still take random inserts; their entries are
 * smaller than rows, and each carries its row's id.
 *
 * <p>What a row id gives away is when its row was made, to a quarter of a microsecond, which most
 * rows show anyway (created-at, not-before, occurred-at). No secret is an id: API tokens, claim
 * links and SCEP challenges are secrets of their own, stored hashed, and an EAB key's HMAC key is
 * stored wrapped beside its id, which RFC 8555 §7.3.4 sends in the clear. Where an id is handed out
 * as a link (a template's public request page), its 62 random bits keep it unguessable, the time
 * known or not; they also keep ids unique (two alike in one 4,096th of a millisecond among a
 * thousand ids made in it: odds about 2^-43).
 */
public final class RowIds {

  private RowIds() {}

  /** A new row id, such as {@code 0193a5c4-8e2b-7c1d-9a8f-0d2b6e4c1a77}. */
  public static String next() {
    Instant now = Instant.now(); // the system clock: finer than a microsecond on Linux
    return timeOrdered(
            now.getEpochSecond() * 1000 + now.getNano() / 1_000_000, now.getNano() % 1_000_000)
        .toString();
  }

  /**
   * A version-7 UUID for {@code unixMillis} and the {@code nanosOfMilli} past it: the millisecond
   * in its first 48 bits, big-endian (RFC 9562 §5.7), then, in the 12 bits the RFC leaves to
   * randomness or to a finer clock, the fraction of the millisecond in 4,096ths (§6.2, method 3),
   * then 62 random bits. The text forms of two ids made a quarter of a microsecond or more apart
   * (the field's resolution; the system clock's is finer on Linux) sort in the order they were
   * made, so even the rows of one transaction that makes many (a bulk decision) go to the index's
   * end in order instead of splitting its last pages at random.
   */
  static UUID timeOrdered(long unixMillis, int nanosOfMilli) {
    long fraction = nanosOfMilli * 4096L / 1_000_000;
    long high = (unixMillis & 0xffff_ffff_ffffL) << 16 | VERSION_7 | fraction;
    return new UUID(high, withVariant(Randomness.current().nextLong()));
  }

  /**
   * A new random UUID (RFC 9562 §5.4, version 4), for names that need random characters from their
   * first one on, such as a node's or a job holder's short suffix; row ids are {@link #next()}.
   */
  public static UUID uuid() {
    long high = Randomness.current().nextLong() & ~VERSION_BITS | VERSION_4;
    return new UUID(high, withVariant(Randomness.current().nextLong()));
  }

  private static final long VERSION_BITS = 0xf000L;
  private static final long VERSION_4 = 0x4000L;
  private static final long VERSION_7 = 0x7000L;

  /** The low 64 bits with RFC 9562 §4.1's variant, 0b10, in their top two. */
  private static long withVariant(long random) {
    return random & 0x3fff_ffff_ffff_ffffL | 0x8000_0000_0000_0000L;
  }
}
