package org.pkiaas.api.account;

/** A new account: {@code role} is USER (default) or ADMIN, and only administrators set it. */
public record AccountRequest(String username, String password, String role) {

    @Override
    public String toString() {
        return "AccountRequest[" + username + "]";
    }
}
