package org.pkiaas.api.account;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.pkiaas.input.PlainText;

/** A new account: {@code role} is USER (default) or ADMIN, and only administrators set it. */
public record AccountRequest(
    @Size(max = 100, message = "A username has at most {max} characters") @PlainText
        String username,
    @Size(max = 1024, message = "A password has at most {max} characters") String password,
    @Pattern(regexp = "USER|ADMIN", message = "The role is USER or ADMIN") String role) {

  @Override
  public String toString() {
    return "AccountRequest[" + username + "]";
  }
}
