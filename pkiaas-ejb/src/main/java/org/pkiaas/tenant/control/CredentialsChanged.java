package org.pkiaas.tenant.control;

/**
 * Fired in the transaction that changes what an API sign-in answers for an account: a new password,
 * a revoked token. {@link SignInCache} forgets what it remembered, when the change is made and
 * again when its transaction ends.
 *
 * @param accountId the account whose credentials changed
 */
public record CredentialsChanged(String accountId) {}
