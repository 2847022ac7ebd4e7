package org.aftercare.paging;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One page of rows in the order of a time column and their id, for exports that walk a
 * whole table a page at a time: a time range (from inclusive, to exclusive, either open),
 * the last row of the page before (keyset, never {@code OFFSET}) and how many rows at
 * most.
 */
public record KeysetPage(Instant from, Instant to, Instant afterAt, UUID afterId, int limit) {

	public KeysetPage {
		if (limit < 1) {
			throw new IllegalArgumentException("limit " + limit);
		}
		if ((afterAt == null) != (afterId == null)) {
			throw new IllegalArgumentException("afterAt and afterId go together");
		}
	}

	/**
	 * The SQL conditions, joined with {@code AND} and starting with it, on the given time
	 * and id columns; their parameters are bound by {@link #bind}.
	 */
	public String conditions(String timeColumn, String idColumn) {
		StringBuilder sql = new StringBuilder();
		if (this.from != null) {
			sql.append(" AND ").append(timeColumn).append(" >= :keyset_from");
		}
		if (this.to != null) {
			sql.append(" AND ").append(timeColumn).append(" < :keyset_to");
		}
		if (this.afterAt != null) {
			sql.append(" AND (")
				.append(timeColumn)
				.append(", ")
				.append(idColumn)
				.append(") > (:keyset_at, :keyset_id)");
		}
		return sql.toString();
	}

	/**
	 * Binds the parameters of {@link #conditions} and the limit ({@code :keyset_limit}).
	 */
	public JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement) {
		JdbcClient.StatementSpec bound = statement.param("keyset_limit", this.limit);
		if (this.from != null) {
			bound = bound.param("keyset_from", Timestamp.from(this.from));
		}
		if (this.to != null) {
			bound = bound.param("keyset_to", Timestamp.from(this.to));
		}
		if (this.afterAt != null) {
			bound = bound.param("keyset_at", Timestamp.from(this.afterAt)).param("keyset_id", this.afterId);
		}
		return bound;
	}

}
