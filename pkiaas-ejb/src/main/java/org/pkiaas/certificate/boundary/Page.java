package org.pkiaas.certificate.boundary;

import java.util.List;

/** One page of a longer list, with the total the filter matches. */
public record Page<T>(List<T> items, long total, int page, int size) {
}
