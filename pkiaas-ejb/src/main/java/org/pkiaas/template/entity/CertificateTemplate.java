package org.pkiaas.template.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A certificate template of a CA. Every CA gets a "Web Server" one at creation; the template
 * engine (what a template allows and sets) builds on this record.
 */
@Entity
@Table(name = "certificate_template")
@NamedQuery(name = "CertificateTemplate.byCa",
        query = "SELECT t FROM CertificateTemplate t WHERE t.caId = :caId ORDER BY t.createdAt, t.id")
@NamedQuery(name = "CertificateTemplate.deleteByCa", query = "DELETE FROM CertificateTemplate t WHERE t.caId = :caId")
public class CertificateTemplate {

    @Id
    private String id;

    @Column(name = "ca_id", nullable = false)
    private String caId;

    @Column(nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private StarterTemplate starter;

    @Column
    private String description;

    @Column(nullable = false)
    private boolean enabled;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected CertificateTemplate() {
        // JPA
    }

    public CertificateTemplate(String caId, String name, StarterTemplate starter, String description) {
        this.id = UUID.randomUUID().toString();
        this.caId = Objects.requireNonNull(caId);
        this.name = Objects.requireNonNull(name);
        this.starter = Objects.requireNonNull(starter);
        this.description = description;
        this.enabled = true;
        this.createdAt = Instant.now();
    }

    public String id() {
        return id;
    }

    public String caId() {
        return caId;
    }

    public String name() {
        return name;
    }

    public StarterTemplate starter() {
        return starter;
    }

    public String description() {
        return description;
    }

    public boolean enabled() {
        return enabled;
    }
}
