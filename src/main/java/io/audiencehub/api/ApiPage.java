package io.audiencehub.api;

import java.util.List;

/** A page of a list: {@code total} items in all, these from {@code offset}. */
record ApiPage<T>(List<T> items, long total, int offset, int limit) {
}
