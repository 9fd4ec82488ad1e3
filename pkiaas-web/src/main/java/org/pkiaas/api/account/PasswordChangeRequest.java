package org.pkiaas.api.account;

public record PasswordChangeRequest(String currentPassword, String newPassword) {

    @Override
    public String toString() {
        return "PasswordChangeRequest[***]";
    }
}
