package org.aftercare;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * With {@code aftercare.embedded-postgres.data-dir} set, the data is kept in that folder
 * and survives restarts (the local run); otherwise a throw-away database on a free port
 * (the tests).
 */
public class EmbeddedPostgresEnvironment implements EnvironmentPostProcessor {

	public static final String DATA_DIR = "aftercare.embedded-postgres.data-dir";

	public static final String PORT = "aftercare.embedded-postgres.port";

	private static EmbeddedPostgres postgres;

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (environment.containsProperty("spring.datasource.url")) {
			return;
		}
		EmbeddedPostgres server = start(environment.getProperty(DATA_DIR),
				environment.getProperty(PORT, Integer.class));
		Map<String, Object> properties = new HashMap<>();
		properties.put("spring.datasource.url", server.getJdbcUrl("postgres", "postgres"));
		properties.put("spring.datasource.username", "postgres");
		properties.put("spring.datasource.password", "");
		environment.getPropertySources().addFirst(new MapPropertySource("embeddedPostgres", properties));
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
