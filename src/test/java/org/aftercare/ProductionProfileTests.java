package org.aftercare;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The app as docker compose runs it: profile {@code prod}, configured only by properties,
 * on a real PostgreSQL server (the machine's, on 127.0.0.1:5432) in a fresh database.
 * Proves that Flyway builds the schema from nothing, that the app serves its login page
 * and health, and that no demo data appears in production. As in production, Flyway
 * migrates as the owner ({@code postgres}) and the app connects as its own role
 * {@value EmbeddedPostgresEnvironment#APP_ROLE}, created here when the server lacks it.
 * Skipped, loudly, without that server, unless {@code CI=true}, where it fails instead.
 */
class ProductionProfileTests {

	private static final Logger log = LoggerFactory.getLogger(ProductionProfileTests.class);

	private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";

	// One database per JVM, so that two builds on one machine do not drop each other's.
	private static final String DATABASE = "aftercare_prodcheck_" + ProcessHandle.current().pid();

	private static final String USER = "postgres";

	private static final String APP_PASSWORD = "aftercare-app-prodcheck";

	private static ConfigurableApplicationContext context;

	private static String baseUrl;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@BeforeAll
	static void startTheAppOnAFreshDatabase() throws SQLException {
		String maintenance = maintenanceDatabase();
		execute(maintenance, "DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
		execute(maintenance, "CREATE DATABASE " + DATABASE);
		try (Connection connection = connect(maintenance)) {
			EmbeddedPostgresEnvironment.createAppRole(connection, EmbeddedPostgresEnvironment.APP_ROLE, APP_PASSWORD);
			// A role made by an earlier run keeps its password; this run's is the one.
			try (Statement statement = connection.createStatement()) {
				statement
					.execute("ALTER ROLE " + EmbeddedPostgresEnvironment.APP_ROLE + " PASSWORD '" + APP_PASSWORD + "'");
			}
		}
		context = new SpringApplicationBuilder(AftercareApplication.class).profiles("prod")
			// The test classes are on this classpath too; production never scans them.
			.initializers((applicationContext) -> applicationContext.getBeanFactory()
				.registerSingleton("excludeTestComponents", new ExcludeTestComponents()))
			.properties("spring.datasource.url=" + SERVER + DATABASE,
					"spring.datasource.username=" + EmbeddedPostgresEnvironment.APP_ROLE,
					"spring.datasource.password=" + APP_PASSWORD, "spring.flyway.user=" + USER,
					"spring.flyway.password=", "server.port=0",
					// Production reads it from AFTERCARE_SECRETS_KEY; a fresh one for
					// this run.
					"aftercare.secrets.key="
							+ java.util.Base64.getEncoder().encodeToString(java.security.SecureRandom.getSeed(32)),
					// Nothing listens for SMTP here; the mail check is not what this test
					// is about.
					"management.health.mail.enabled=false")
			.run(
					// Production reads it from AFTERCARE_SECRETS_KEY
					// (application-prod.yml has no default); a
					// fresh one for this run, given as the environment would, above the
					// config files.
					"--aftercare.secrets.key="
							+ java.util.Base64.getEncoder().encodeToString(java.security.SecureRandom.getSeed(32)));
		baseUrl = "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
	}

	@AfterAll
	static void stopTheAppAndDropTheDatabase() throws SQLException {
		if (context != null) {
			context.close();
			context = null;
			execute(maintenanceDatabase(), "DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
		}
	}

	@Test
	void flywayBuildsTheSchemaOnAnEmptyDatabase() {
		JdbcClient jdbc = owner();
		assertThat(jdbc.sql("SELECT count(*) FROM flyway_schema_history WHERE success").query(Long.class).single())
			.isPositive();
		assertThat(jdbc.sql("SELECT to_regclass('public.symptom_report') IS NOT NULL").query(Boolean.class).single())
			.isTrue();
	}

	@Test
	void servesTheLoginPageOverPlainHttp() throws Exception {
		HttpResponse<String> response = get("/login");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("<form", "name=\"email\"", "name=\"password\"", "name=\"_csrf\"");
		// The session cookie is out of scripts' reach, not sent cross-site, and only over
		// HTTPS in production.
		assertThat(response.headers().allValues("Set-Cookie"))
			.anySatisfy((cookie) -> assertThat(cookie).startsWith("SESSION=")
				.contains("HttpOnly")
				.contains("SameSite=Lax")
				.contains("Secure"));
	}

	@Test
	void reportsHealthUp() throws Exception {
		HttpResponse<String> response = get("/actuator/health");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"status\":\"UP\"");
	}

	@Test
	void theAppConnectsAsItsOwnRoleUnderRowLevelSecurity() {
		JdbcClient app = context.getBean(JdbcClient.class);
		assertThat(app.sql("SELECT current_user").query(String.class).single())
			.isEqualTo(EmbeddedPostgresEnvironment.APP_ROLE);
		assertThat(
				app.sql("SELECT relrowsecurity FROM pg_class WHERE relname = 'patient'").query(Boolean.class).single())
			.isTrue();
	}

	@Test
	void seedsNoDemoData() {
		// Counted as the owner: the app's role sees no clinic's rows outside a scope.
		JdbcClient jdbc = owner();
		assertThat(context.getEnvironment().getProperty("aftercare.demo-data", Boolean.class, false)).isFalse();
		assertThat(jdbc.sql("SELECT count(*) FROM clinic WHERE name = 'Demo Clinic'").query(Long.class).single())
			.isZero();
		assertThat(jdbc.sql("SELECT count(*) FROM user_account").query(Long.class).single()).isZero();
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path))
			.timeout(Duration.ofSeconds(10))
			.GET()
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * A database to run CREATE/DROP DATABASE from. Without a server: fail on CI, else
	 * skip with a message nobody can miss.
	 */
	private static String maintenanceDatabase() {
		SQLException last = null;
		for (String database : new String[] { "postgres", "test" }) {
			try (Connection connection = connect(database)) {
				return database;
			}
			catch (SQLException ex) {
				last = ex;
			}
		}
		String message = "PostgreSQL is not reachable on 127.0.0.1:5432 as user " + USER + " (" + last.getMessage()
				+ "), so the production-profile check (prod profile on a real PostgreSQL) did not run.";
		if ("true".equalsIgnoreCase(System.getenv("CI"))) {
			return Assertions.fail(message + " CI=true requires it.", last);
		}
		log.warn("\n\n  *** SKIPPED: {} Start a local PostgreSQL to run it. ***\n", message);
		return Assumptions.abort("SKIPPED: " + message);
	}

	/** The schema's owner, past row-level security, on the test's database. */
	private static JdbcClient owner() {
		return JdbcClient.create(new DriverManagerDataSource(SERVER + DATABASE, USER, ""));
	}

	private static Connection connect(String database) throws SQLException {
		return DriverManager.getConnection(SERVER + database + "?connectTimeout=3&loginTimeout=3", USER, "");
	}

	private static void execute(String database, String sql) throws SQLException {
		try (Connection connection = connect(database); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	/**
	 * Leaves {@code @TestComponent} and {@code @TestConfiguration} classes out of the
	 * scan.
	 */
	static final class ExcludeTestComponents extends TypeExcludeFilter {

		@Override
		public boolean match(MetadataReader reader, MetadataReaderFactory factory) {
			return reader.getAnnotationMetadata().hasAnnotation(TestComponent.class.getName())
					|| reader.getAnnotationMetadata().hasMetaAnnotation(TestComponent.class.getName());
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof ExcludeTestComponents;
		}

		@Override
		public int hashCode() {
			return ExcludeTestComponents.class.hashCode();
		}

	}

}
