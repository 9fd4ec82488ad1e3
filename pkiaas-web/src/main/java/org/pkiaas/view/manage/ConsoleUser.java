package org.pkiaas.view.manage;

import jakarta.enterprise.context.SessionScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import org.pkiaas.problem.UnauthenticatedException;
import org.pkiaas.tenant.boundary.Caller;
import org.pkiaas.tenant.entity.Role;

/**
 * Who is signed in to the console in this HTTP session, and which of their CAs the console is
 * scoped to (the drop-down at the top). Only identifiers are kept; every page asks the boundaries,
 * which enforce tenancy, for the objects themselves.
 */
@Named
@SessionScoped
public class ConsoleUser implements Serializable {

    private static final long serialVersionUID = 1L;

    private String accountId;
    private String username;
    private Role role;
    private String caId;

    public void signIn(Caller caller) {
        this.accountId = caller.accountId();
        this.username = caller.username();
        this.role = caller.role();
        this.caId = null;
    }

    public boolean isSignedIn() {
        return accountId != null;
    }

    /** The caller every boundary call of the console is made as. */
    public Caller caller() {
        if (accountId == null) {
            throw new UnauthenticatedException("Sign in to use the console");
        }
        return new Caller(accountId, username, role);
    }

    public String getUsername() {
        return username;
    }

    /** The CA the console is scoped to; kept valid by {@link ConsoleGuard}. */
    public String getCaId() {
        return caId;
    }

    public void scopeTo(String selectedCaId) {
        this.caId = selectedCaId;
    }
}
