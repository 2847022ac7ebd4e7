/**
 * Shared paging for exports: one page of a table's rows in the order of a time column and
 * their id (keyset, never {@code OFFSET}). Not a web type, so a module's service may take
 * it.
 */
package org.aftercare.paging;
