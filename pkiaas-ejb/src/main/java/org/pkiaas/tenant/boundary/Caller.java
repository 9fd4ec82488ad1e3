package org.pkiaas.tenant.boundary;

import java.util.Objects;
import org.pkiaas.tenant.entity.Role;

/**
 * The authenticated account on whose behalf a boundary acts. Every boundary method that reads or
 * changes tenant data takes one and scopes its queries to {@link #accountId()}.
 */
public record Caller(String accountId, String username, Role role) {

    public Caller {
        Objects.requireNonNull(accountId);
        Objects.requireNonNull(username);
        Objects.requireNonNull(role);
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }
}
