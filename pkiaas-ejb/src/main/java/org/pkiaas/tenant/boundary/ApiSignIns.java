package org.pkiaas.tenant.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import org.pkiaas.tenant.control.SignInCache;
import org.pkiaas.tenant.control.SignInThrottle;

/**
 * The REST API's sign-in on every call: HTTP Basic against the local accounts ({@link
 * Accounts#signIn}) or a personal API token ({@link ApiTokens#signIn}), answered from {@link
 * SignInCache} when the same credentials signed in within its window, so an integrator's calls do
 * not each read the account. Failures are never kept: every wrong password and unknown token is
 * checked again (a wrong password also goes through the throttle and the audit log). A Basic
 * sign-in from an address or for an account that the throttle makes wait is checked again too, and
 * refused there as before; one answered from memory counts as a success of its address, as a
 * checked one does, so the throttle keeps knowing where the account signs in.
 */
@ApplicationScoped
public class ApiSignIns {

  @Inject Accounts accounts;

  @Inject ApiTokens tokens;

  @Inject SignInCache cache;

  @Inject SignInThrottle throttle;

  /** HTTP Basic (RFC 7617) with a local account's username and password. */
  public Accounts.SignIn basic(String username, String password, String clientAddress) {
    Instant now = Instant.now();
    String key = SignInCache.basicKey(username, password);
    Optional<Accounts.SignIn> kept = cache.find(key, now);
    if (kept.isPresent() && throttle.refusal(username, clientAddress, now).isEmpty()) {
      throttle.succeeded(username, clientAddress, now);
      return kept.get();
    }
    return signIn(key, now, () -> accounts.signIn(username, password, clientAddress));
  }

  /** {@code Authorization: Bearer} (RFC 6750) with a personal API token. */
  public Accounts.SignIn bearer(String token) {
    Instant now = Instant.now();
    String key = SignInCache.bearerKey(token);
    return cache.find(key, now).orElseGet(() -> signIn(key, now, () -> tokens.signIn(token)));
  }

  private Accounts.SignIn signIn(String key, Instant now, Supplier<Accounts.SignIn> check) {
    long generation = cache.generation();
    Accounts.SignIn signIn = check.get();
    cache.put(key, signIn, generation, now);
    return signIn;
  }
}
