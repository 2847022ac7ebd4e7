package org.aftercare;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Points every test context (and the local run) at an embedded PostgreSQL 17, started
 * once per JVM, unless a datasource URL is already configured (as for the
 * production-profile check against a real server).
 *
 * <p>
 * As in production, Flyway connects as the owner of the schema (the server's superuser
 * {@code postgres}) and the application as {@value #APP_ROLE}, a login role that owns
 * nothing and is subject to row-level security. The role is created here, when missing,
 * because a migration cannot create it: the local run's data folder may predate it.
 *
 * <p>
 * With {@code aftercare.embedded-postgres.data-dir} set, the data is kept in that folder
 * and survives restarts (the local run); otherwise a throw-away database on a free port
 * (the tests).
 */
public class EmbeddedPostgresEnvironment implements EnvironmentPostProcessor {

	public static final String DATA_DIR = "aftercare.embedded-postgres.data-dir";

	public static final String PORT = "aftercare.embedded-postgres.port";

	/** The application's database role: no owner, no superuser, no BYPASSRLS. */
	public static final String APP_ROLE = "aftercare_app";

	/** Its password on the embedded server (which trusts local connections anyway). */
	public static final String APP_PASSWORD = "aftercare-app-local-only";

	/** The owner of the schema, as whom Flyway migrates. */
	public static final String OWNER = "postgres";

	private static EmbeddedPostgres postgres;

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (environment.containsProperty("spring.datasource.url")) {
			return;
		}
		EmbeddedPostgres server = start(environment.getProperty(DATA_DIR),
				environment.getProperty(PORT, Integer.class));
		Map<String, Object> properties = new HashMap<>();
		// No user in the URL: the driver would prefer it to the configured one.
		properties.put("spring.datasource.url", jdbcUrl(server));
		properties.put("spring.datasource.username", APP_ROLE);
		properties.put("spring.datasource.password", APP_PASSWORD);
		properties.put("spring.flyway.user", OWNER);
		properties.put("spring.flyway.password", "");
		properties.put("spring.flyway.placeholders.app_role", APP_ROLE);
		environment.getPropertySources().addFirst(new MapPropertySource("embeddedPostgres", properties));
	}

	/**
	 * The schema's owner on the embedded server, past row-level security: for tests that
	 * look at or change the database behind the application's back.
	 */
	public static javax.sql.DataSource ownerDataSource() {
		return start(null, null).getPostgresDatabase();
	}

	/** The embedded server's database, without a user. */
	public static String jdbcUrl(EmbeddedPostgres server) {
		return "jdbc:postgresql://localhost:" + server.getPort() + "/postgres";
	}

	/**
	 * Creates the application's login role unless it exists: NOSUPERUSER, NOBYPASSRLS,
	 * owning nothing. Public so that the production-profile check makes the same one.
	 */
	public static void createAppRole(Connection owner, String role, String password) throws SQLException {
		try (Statement statement = owner.createStatement()) {
			statement.execute("""
					DO $$
					BEGIN
					    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '%1$s') THEN
					        CREATE ROLE %1$s LOGIN PASSWORD '%2$s' NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
					    END IF;
					END
					$$
					""".formatted(role, password.replace("'", "''")));
		}
	}

	public static synchronized EmbeddedPostgres start(String dataDir, Integer port) {
		if (postgres == null) {
			try {
				EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
					.setServerConfig("max_connections", "300")
					.setServerConfig("fsync", dataDir == null ? "off" : "on");
				if (dataDir != null) {
					Path dir = Path.of(dataDir).toAbsolutePath();
					Files.createDirectories(dir);
					builder.setDataDirectory(dir).setCleanDataDirectory(false);
				}
				if (port != null) {
					builder.setPort(port);
				}
				postgres = builder.start();
				try (Connection owner = postgres.getPostgresDatabase().getConnection()) {
					createAppRole(owner, APP_ROLE, APP_PASSWORD);
				}
				catch (SQLException ex) {
					throw new IllegalStateException("Could not create the application's database role", ex);
				}
				EmbeddedPostgres started = postgres;
				// Runs after every application context has closed, so no pool loses its
				// server mid-shutdown.
				SpringApplication.getShutdownHandlers().add(() -> {
					try {
						started.close();
					}
					catch (IOException ex) {
						// The JVM is going away; nothing left to tell.
					}
				});
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Could not start the embedded PostgreSQL", ex);
			}
		}
		return postgres;
	}

}
