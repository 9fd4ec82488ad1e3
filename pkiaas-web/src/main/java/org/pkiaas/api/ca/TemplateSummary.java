package org.pkiaas.api.ca;

import org.pkiaas.template.entity.CertificateTemplate;

public record TemplateSummary(String id, String name, String starter, String description, boolean enabled) {

    static TemplateSummary of(CertificateTemplate template) {
        return new TemplateSummary(template.id(), template.name(), template.starter().name(), template.description(),
                template.enabled());
    }
}
