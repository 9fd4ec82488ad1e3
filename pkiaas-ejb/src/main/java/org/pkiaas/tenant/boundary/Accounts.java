package org.pkiaas.tenant.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.pkiaas.audit.boundary.AuditLog;
import org.pkiaas.audit.boundary.Audited;
import org.pkiaas.identity.Caller;
import org.pkiaas.identity.Role;
import org.pkiaas.metrics.boundary.PkiMetrics;
import org.pkiaas.problem.ConflictException;
import org.pkiaas.problem.ForbiddenException;
import org.pkiaas.problem.InvalidInputException;
import org.pkiaas.problem.ThrottledException;
import org.pkiaas.problem.UnauthenticatedException;
import org.pkiaas.tenant.control.CredentialsChanged;
import org.pkiaas.tenant.control.InitialPasswordFile;
import org.pkiaas.tenant.control.PasswordHasher;
import org.pkiaas.tenant.control.SignInThrottle;
import org.pkiaas.tenant.control.VerifiedPasswords;
import org.pkiaas.tenant.entity.Account;

/** Local accounts: sign-in, creation by administrators, self-service sign-up, password changes. */
@Stateless
public class Accounts {

  static final int MIN_PASSWORD_LENGTH = 10;
  private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{2,99}");

  @PersistenceContext EntityManager em;

  @Inject Settings settings;

  @Inject VerifiedPasswords verifiedPasswords;

  @Inject SignInThrottle throttle;

  @Inject AuditLog auditLog;

  @Inject PkiMetrics metrics;

  @Inject ApiTokens tokens;

  @Inject Event<CredentialsChanged> credentialsChanged;

  /**
   * Checks a username and password; the same answer for an unknown user and a wrong password. A
   * client or an account that failed too often is refused before any hashing, with the wait (HTTP
   * 429); each failure is audited, and so is the start of a wait.
   */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Caller authenticate(String username, String password, String clientAddress) {
    return signIn(username, password, clientAddress).caller();
  }

  /** A caller, and whether the account must change its generated password before anything else. */
  public record SignIn(Caller caller, boolean mustChangePassword) {}

  /**
   * As {@link #authenticate}, and whether the password must be changed first: one read of the
   * account for each API request, and no transaction of its own (it writes nothing; a failure's
   * audit event has its own), so an API call costs one transaction, its action's.
   */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public SignIn signIn(String username, String password, String clientAddress) {
    Instant now = Instant.now();
    String given = password == null ? "" : password;
    try (SignInThrottle.Attempt attempt =
        verifiedPasswords.remembers(username, given)
            ? throttle.beginRemembered(username, clientAddress, now)
            : throttle.begin(username, clientAddress, now)) {
      return checked(username, password, clientAddress, now, attempt.refusal());
    }
  }

  private SignIn checked(
      String username,
      String password,
      String clientAddress,
      Instant now,
      Optional<SignInThrottle.Refusal> refusal) {
    if (refusal.isPresent()) {
      metrics.rateLimitRefused("sign-in");
      throw new ThrottledException(
          "Sign-in refused: " + refusal.get().reason() + ". Try again later.",
          refusal.get().retryAfter().toSeconds() + 1);
    }
    Optional<Account> account = find(username);
    String given = password == null ? "" : password;
    String stored = account.map(Account::passwordHash).orElse(null);
    boolean valid =
        stored != null && verifiedPasswords.contains(username, given, stored)
            || PasswordHasher.verify(given, stored);
    if (!valid || account.isEmpty() || !account.get().enabled()) {
      SignInThrottle.Failure failure = throttle.failed(username, clientAddress, now);
      metrics.signInFailed("password");
      auditLog.failure(
          null,
          "account.signin",
          "ACCOUNT",
          account.map(Account::id).orElse(null),
          failedSignInDetail(username, clientAddress, failure));
      throw new UnauthenticatedException("Invalid username or password");
    }
    throttle.succeeded(username, clientAddress, now);
    verifiedPasswords.remember(username, given, stored);
    return new SignIn(callerOf(account.get()), account.get().mustChangePassword());
  }

  private static String failedSignInDetail(
      String username, String clientAddress, SignInThrottle.Failure failure) {
    String name =
        username == null
            ? ""
            : username.length() > 100 ? username.substring(0, 100) + "..." : username;
    StringBuilder detail =
        new StringBuilder("Failed sign-in as '")
            .append(name)
            .append("' from ")
            .append(clientAddress);
    if (failure.startedWait()) {
      detail
          .append("; throttled: this address waits ")
          .append(failure.addressWait().toSeconds())
          .append(" s, this username ")
          .append(failure.userWait().toSeconds())
          .append(" s");
    }
    return detail.toString();
  }

  @Audited(value = "account.create", objectType = "ACCOUNT")
  public Account create(Caller caller, String username, String password, String role) {
    requireAdmin(caller);
    Role parsedRole = parseRole(role);
    return persistNew(username, password, parsedRole);
  }

  @Audited(value = "account.signup", objectType = "ACCOUNT")
  public Account signUp(String username, String password) {
    if (!settings.signupEnabled()) {
      throw new ForbiddenException("Self-service sign-up is switched off on this server");
    }
    return persistNew(username, password, Role.USER);
  }

  public List<Account> list(Caller caller) {
    requireAdmin(caller);
    return em.createNamedQuery("Account.all", Account.class).getResultList();
  }

  public Account me(Caller caller) {
    return em.find(Account.class, caller.accountId());
  }

  @Audited(value = "account.password.change", objectType = "ACCOUNT")
  public void changePassword(Caller caller, String currentPassword, String newPassword) {
    Account account = em.find(Account.class, caller.accountId());
    if (!PasswordHasher.verify(
        currentPassword == null ? "" : currentPassword, account.passwordHash())) {
      throw new InvalidInputException("currentPassword", "The current password is not correct");
    }
    validatePassword("newPassword", newPassword);
    if (newPassword.equals(currentPassword)) {
      throw new InvalidInputException(
          "newPassword", "The new password must differ from the current one");
    }
    boolean generated = account.mustChangePassword();
    account.changePasswordHash(PasswordHasher.hash(newPassword));
    tokens.revokeAll(account);
    credentialsChanged.fire(new CredentialsChanged(account.id()));
    if (generated) {
      InitialPasswordFile.delete(InitialPasswordFile.location());
    }
  }

  /**
   * The version of the account's credentials a session signed in with must still match; -1 when the
   * account is gone or disabled.
   */
  public int credentialsVersion(String accountId) {
    Account account = em.find(Account.class, accountId);
    return account == null || !account.enabled() ? -1 : account.credentialsVersion();
  }

  /** Whether the caller's password was generated and must be changed before anything else. */
  public boolean mustChangePassword(Caller caller) {
    Account account = em.find(Account.class, caller.accountId());
    return account != null && account.mustChangePassword();
  }

  /** Whether any account exists yet; the first start creates the administrator when none does. */
  public boolean none() {
    return em.createNamedQuery("Account.count", Long.class).getSingleResult() == 0L;
  }

  /**
   * Creates the first administrator; called once, at first start, by {@link AdminBootstrap}. A
   * generated password must be changed at the first sign-in.
   */
  public Account createInitialAdmin(String username, String password, boolean generated) {
    Account admin = persistNew(username, password, Role.ADMIN);
    if (generated) {
      admin.requirePasswordChange();
    }
    return admin;
  }

  private Account persistNew(String username, String password, Role role) {
    if (username == null || !USERNAME.matcher(username).matches()) {
      throw new InvalidInputException(
          "username",
          "A username has 3 to 100 characters: letters, digits and . _ @ - (starting with a letter or digit)");
    }
    validatePassword("password", password);
    if (find(username).isPresent()) {
      throw new ConflictException("The username '" + username + "' is taken");
    }
    Account account = new Account(username, PasswordHasher.hash(password), role);
    em.persist(account);
    return account;
  }

  private Optional<Account> find(String username) {
    if (username == null) {
      return Optional.empty();
    }
    return em
        .createNamedQuery("Account.findByUsername", Account.class)
        .setParameter("username", username)
        .getResultList()
        .stream()
        .findFirst();
  }

  static void requireAdmin(Caller caller) {
    if (!caller.isAdmin()) {
      throw new ForbiddenException("Only an administrator may do this");
    }
  }

  private static void validatePassword(String field, String password) {
    if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
      throw new InvalidInputException(
          field, "A password has at least " + MIN_PASSWORD_LENGTH + " characters");
    }
    if (password.length() > 1024) {
      throw new InvalidInputException(field, "A password has at most 1024 characters");
    }
  }

  private static Role parseRole(String role) {
    if (role == null || role.isBlank()) {
      return Role.USER;
    }
    try {
      return Role.valueOf(role.trim().toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("role", "The role is ADMIN or USER");
    }
  }

  private static Caller callerOf(Account account) {
    return new Caller(account.id(), account.username(), account.role());
  }
}
