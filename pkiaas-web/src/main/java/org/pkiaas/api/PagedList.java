package org.pkiaas.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.function.Function;
import org.pkiaas.paging.Page;

/**
 * The one way the API pages a list: {@code ?page=} (from 0) and {@code ?size=} ask for a page; the
 * body is that page as a JSON array, {@code X-Total-Count} says how many items match in all, and a
 * {@code Link} header (RFC 8288) with {@code rel="next"} holds the URL of the next page when there
 * is one (every other query parameter kept).
 */
public final class PagedList {

  /** The header that counts every matching item. */
  public static final String TOTAL_COUNT = "X-Total-Count";

  private PagedList() {}

  /** The answer for one page, its items mapped to their API form. */
  public static <T, R> Response of(Page<T> page, Function<T, R> toResponse, UriInfo uri) {
    List<R> items = page.items().stream().map(toResponse).toList();
    Response.ResponseBuilder response = Response.ok(items).header(TOTAL_COUNT, page.total());
    if ((long) (page.page() + 1) * page.size() < page.total()) {
      response.link(
          uri.getRequestUriBuilder()
              .replaceQueryParam("page", page.page() + 1)
              .replaceQueryParam("size", page.size())
              .build(),
          "next");
    }
    return response.build();
  }
}
