package org.pkiaas.template.entity;

/** The starting points a new template is created from (user guide 4.2). */
public enum StarterTemplate {
    WEB_SERVER("Web Server"),
    CLIENT_AUTHENTICATION("Client Authentication"),
    WEB_SERVER_AND_CLIENT("Web Server + Client"),
    SMIME("S/MIME"),
    CODE_SIGNING("Code Signing"),
    DOCUMENT_SIGNING("Document Signing"),
    TIMESTAMPING("Timestamping"),
    OCSP_SIGNING("OCSP Signing"),
    CERTIFICATE_AUTHORITY("Certificate Authority"),
    DOMAIN_CONTROLLER("Domain Controller");

    private final String displayName;

    StarterTemplate(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
