package org.pkiaas.view.manage;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.pkiaas.paging.Page;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/**
 * A lazy table model whose pages, order and count come from a paged boundary method: the database
 * filters, sorts and pages, the table only shows. A column's {@code field} names the boundary's
 * sort column (its enum constant, in lower case).
 */
public class PagedModel<T> extends LazyDataModel<T> {

  private static final long serialVersionUID = 1L;

  /**
   * Where the rows come from: page {@code page} (from 0) of {@code size} rows, sorted as the table
   * asks.
   */
  @FunctionalInterface
  public interface Source<T> {
    Page<T> fetch(int page, int size, Map<String, SortMeta> sortBy);
  }

  private final transient Source<T> source;
  private final transient Function<T, String> key;

  /**
   * @param key a row's unique key, e.g. its id
   */
  public PagedModel(Source<T> source, Function<T, String> key) {
    this.source = source;
    this.key = key;
  }

  /** The table's sort: a column of the boundary's order, and its direction. */
  public record Sort<C extends Enum<C>>(C column, boolean ascending) {}

  @Override
  public int count(Map<String, FilterMeta> filterBy) {
    return (int) source.fetch(0, 1, Map.of()).total();
  }

  @Override
  public List<T> load(
      int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
    Page<T> page = source.fetch(first / pageSize, pageSize, sortBy);
    setRowCount((int) page.total());
    return page.items();
  }

  @Override
  public String getRowKey(T row) {
    return key.apply(row);
  }

  /**
   * A selected row, looked up among the rows of the page on show (selections do not cross pages).
   */
  @Override
  public T getRowData(String rowKey) {
    List<T> rows = getWrappedData();
    return rows == null
        ? null
        : rows.stream().filter(row -> rowKey.equals(getRowKey(row))).findFirst().orElse(null);
  }

  /**
   * The table's first sorted column among {@code columns}, or null when it sorts by none of them.
   */
  public static <C extends Enum<C>> Sort<C> sort(Map<String, SortMeta> sortBy, Class<C> columns) {
    for (SortMeta meta : sortBy.values()) {
      if (meta.getOrder() == SortOrder.UNSORTED || meta.getField() == null) {
        continue;
      }
      for (C column : columns.getEnumConstants()) {
        if (column.name().toLowerCase(Locale.ROOT).equals(meta.getField())) {
          return new Sort<>(column, meta.getOrder() == SortOrder.ASCENDING);
        }
      }
    }
    return null;
  }
}
