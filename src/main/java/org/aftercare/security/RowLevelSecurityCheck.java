package org.aftercare.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Says at start-up, loudly, when PostgreSQL's row-level security cannot apply to the
 * application's connections: a superuser, a role with BYPASSRLS or the owner of the
 * tables passes every policy, and the clinic filters in the code are then the only
 * isolation left. Typically the datasource was given the owner's user (docs/security.md).
 */
@Component
class RowLevelSecurityCheck implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(RowLevelSecurityCheck.class);

	private final JdbcClient jdbc;

	RowLevelSecurityCheck(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void run(ApplicationArguments args) {
		String problem = problem(this.jdbc);
		if (problem != null) {
			log.error("\n\n  *** Row-level security does not apply to the application's database user: {}. "
					+ "Connect as a role that owns nothing, without SUPERUSER or BYPASSRLS (docs/security.md). ***\n",
					problem);
		}
	}

	/** Why the policies would not apply to this connection's user; null when they do. */
	static String problem(JdbcClient jdbc) {
		return jdbc.sql("""
				SELECT CASE WHEN r.rolsuper THEN current_user || ' is a superuser'
				            WHEN r.rolbypassrls THEN current_user || ' has BYPASSRLS'
				            WHEN c.relowner = r.oid THEN current_user || ' owns the tables'
				       END
				  FROM pg_roles r, pg_class c
				 WHERE r.rolname = current_user AND c.oid = to_regclass('patient')
				""").query(String.class).optional().orElse(null);
	}

}
