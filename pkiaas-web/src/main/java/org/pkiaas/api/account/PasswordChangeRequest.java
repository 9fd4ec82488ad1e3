package org.pkiaas.api.account;

import jakarta.validation.constraints.Size;

public record PasswordChangeRequest(
    @Size(max = 1024, message = "A password has at most {max} characters") String currentPassword,
    @Size(max = 1024, message = "A password has at most {max} characters") String newPassword) {

  @Override
  public String toString() {
    return "PasswordChangeRequest[***]";
  }
}
