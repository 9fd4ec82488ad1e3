package org.pkiaas.tenant.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed sign-ins (HTTP Basic and the console), counted per client address and per username, each
 * with a growing wait ({@link Backoff}). Asked before the password is hashed, so a throttled guess
 * costs the server nothing.
 *
 * <p>The per-user wait does not apply at addresses where that user signed in successfully within
 * the last 30 days: an attacker guessing one account from elsewhere cannot lock its owner out,
 * while the per-address wait still holds at every address. Counters live in this node's memory
 * (each node throttles on its own; behind a load balancer an attacker gets at most one allowance
 * per node).
 */
@ApplicationScoped
public class SignInThrottle {

  /** Why an attempt is refused, and for how long. */
  public record Refusal(String reason, Duration retryAfter) {}

  /** What a failure changed: the per-address and per-user waits it imposes from now on. */
  public record Failure(Duration addressWait, Duration userWait) {

    public boolean startedWait() {
      return !addressWait.isZero() || !userWait.isZero();
    }
  }

  private static final Duration KNOWN_ADDRESS_TTL = Duration.ofDays(30);
  private static final int MAX_KNOWN = 100_000;
  private static final int MAX_KEY_LENGTH = 200;

  @Inject ThrottleSettings settings;

  private Backoff byAddress;
  private Backoff byUser;
  private final Map<String, Instant> knownAddresses = new ConcurrentHashMap<>();

  public SignInThrottle() {
    // CDI
  }

  /** A throttle with these policies, outside CDI. */
  public SignInThrottle(Backoff.Policy perAddress, Backoff.Policy perUser) {
    this.byAddress = new Backoff(perAddress);
    this.byUser = new Backoff(perUser);
  }

  @PostConstruct
  void readSettings() {
    byAddress = new Backoff(settings.perAddress());
    byUser = new Backoff(settings.perUser());
  }

  /**
   * One sign-in attempt admitted for checking, or refused ({@link #refusal()}); closing it ends the
   * check, so the slots it took are free again whatever the outcome.
   */
  public final class Attempt implements AutoCloseable {
    private final Optional<Refusal> refusal;
    private final String addressSlot;
    private final String userSlot;

    private Attempt(Optional<Refusal> refusal, String addressSlot, String userSlot) {
      this.refusal = refusal;
      this.addressSlot = addressSlot;
      this.userSlot = userSlot;
    }

    /** Empty when the password may be checked; otherwise why not and how long to wait. */
    public Optional<Refusal> refusal() {
      return refusal;
    }

    @Override
    public void close() {
      if (addressSlot != null) {
        byAddress.end(addressSlot);
      }
      if (userSlot != null) {
        byUser.end(userSlot);
      }
    }
  }

  /**
   * Admits a password check: refused while the address or the account waits, and while as many
   * checks run for it as it has free failures left, so that guesses sent in parallel are counted
   * like guesses sent one after another. The caller checks the password only when {@link
   * Attempt#refusal()} is empty, and closes the attempt afterwards.
   */
  public Attempt begin(String username, String address, Instant now) {
    Optional<Refusal> waiting = refusal(username, address, now);
    if (waiting.isPresent()) {
      return new Attempt(waiting, null, null);
    }
    String addressKey = addressKey(address);
    if (!byAddress.tryBegin(addressKey, now)) {
      return new Attempt(Optional.of(busy("from this address")), null, null);
    }
    if (isKnown(username, address, now)) {
      return new Attempt(Optional.empty(), addressKey, null);
    }
    String userKey = userKey(username);
    if (!byUser.tryBegin(userKey, now)) {
      byAddress.end(addressKey);
      return new Attempt(Optional.of(busy("for this account")), null, null);
    }
    return new Attempt(Optional.empty(), addressKey, userKey);
  }

  /**
   * Admits a sign-in whose password verified within the last few minutes ({@link
   * VerifiedPasswords#remembers}): it is no guess and costs no hash, so it takes no slot among the
   * parallel checks {@link #begin} limits (an integrator's 16 threads are not refused because
   * someone behind the same address mistyped a password); an address or account that waits still
   * waits.
   */
  public Attempt beginRemembered(String username, String address, Instant now) {
    return new Attempt(refusal(username, address, now), null, null);
  }

  private static Refusal busy(String where) {
    return new Refusal("too many sign-ins at once " + where, Duration.ofSeconds(1));
  }

  /** Empty when this attempt may be checked; otherwise why not and how long to wait. */
  public Optional<Refusal> refusal(String username, String address, Instant now) {
    Optional<Duration> addressWait = byAddress.remainingWait(addressKey(address), now);
    if (addressWait.isPresent()) {
      return Optional.of(
          new Refusal("too many failed sign-ins from this address", addressWait.get()));
    }
    if (isKnown(username, address, now)) {
      return Optional.empty();
    }
    return byUser
        .remainingWait(userKey(username), now)
        .map(wait -> new Refusal("too many failed sign-ins for this account", wait));
  }

  public Failure failed(String username, String address, Instant now) {
    return new Failure(
        byAddress.failed(addressKey(address), now), byUser.failed(userKey(username), now));
  }

  public void succeeded(String username, String address, Instant now) {
    if (knownAddresses.size() >= MAX_KNOWN) {
      knownAddresses.values().removeIf(seen -> !now.isBefore(seen.plus(KNOWN_ADDRESS_TTL)));
      if (knownAddresses.size() >= MAX_KNOWN) {
        knownAddresses.clear();
      }
    }
    knownAddresses.put(knownKey(username, address), now);
  }

  private boolean isKnown(String username, String address, Instant now) {
    Instant seen = knownAddresses.get(knownKey(username, address));
    return seen != null && now.isBefore(seen.plus(KNOWN_ADDRESS_TTL));
  }

  private static String addressKey(String address) {
    return address == null ? "" : address;
  }

  private static String userKey(String username) {
    String name = username == null ? "" : username;
    return name.length() > MAX_KEY_LENGTH ? name.substring(0, MAX_KEY_LENGTH) : name;
  }

  private static String knownKey(String username, String address) {
    return userKey(username) + '\u0000' + addressKey(address);
  }
}
