package org.pkiaas.view.manage.certificates;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.pkiaas.certificate.boundary.CertificateFilter;
import org.pkiaas.certificate.boundary.CertificateOrder;
import org.pkiaas.certificate.boundary.Certificates;
import org.pkiaas.certificate.boundary.Page;
import org.pkiaas.certificate.entity.IssuedCertificate;
import org.pkiaas.tenant.boundary.Caller;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/** Pages of a CA's issued certificates, fetched from {@link Certificates} as the table asks for them. */
class IssuedCertificateModel extends LazyDataModel<IssuedCertificate> {

    private static final long serialVersionUID = 1L;

    private final transient Certificates certificates;
    private final Caller caller;
    private final String caId;
    private final transient Supplier<CertificateFilter> filter;

    IssuedCertificateModel(Certificates certificates, Caller caller, String caId, Supplier<CertificateFilter> filter) {
        this.certificates = certificates;
        this.caller = caller;
        this.caId = caId;
        this.filter = filter;
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        return (int) certificates.list(caller, caId, filter.get(), 0, 1).total();
    }

    @Override
    public List<IssuedCertificate> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        Page<IssuedCertificate> page = certificates.list(caller, caId, filter.get(), order(sortBy), first / pageSize, pageSize);
        setRowCount((int) page.total());
        return page.items();
    }

    @Override
    public String getRowKey(IssuedCertificate certificate) {
        return certificate.id();
    }

    /** The table's first sort column, by the attribute its sortBy expression names. */
    static CertificateOrder order(Map<String, SortMeta> sortBy) {
        for (SortMeta sort : sortBy.values()) {
            if (sort.getOrder() == SortOrder.UNSORTED) {
                continue;
            }
            String field = sort.getField() == null ? "" : sort.getField();
            for (CertificateOrder.Column column : CertificateOrder.Column.values()) {
                if (field.contains(column.name().toLowerCase(java.util.Locale.ROOT))) {
                    return new CertificateOrder(column, sort.getOrder() == SortOrder.ASCENDING);
                }
            }
        }
        return CertificateOrder.NEWEST_FIRST;
    }
}
