package org.aftercare;

import org.springframework.boot.SpringApplication;

/**
 * The local run ({@code ./mvnw spring-boot:test-run}): Aftercare on an embedded
 * PostgreSQL 17 whose data is kept in {@code .data/postgres}, with the demo clinics.
 * Lives in the test sources so that neither the embedded database nor its binaries reach
 * the production jar.
 */
public final class LocalAftercareApplication {

	private LocalAftercareApplication() {
	}

	public static void main(String[] args) {
		System.setProperty(EmbeddedPostgresEnvironment.DATA_DIR,
				System.getProperty(EmbeddedPostgresEnvironment.DATA_DIR, ".data/postgres"));
		System.setProperty(EmbeddedPostgresEnvironment.PORT,
				System.getProperty(EmbeddedPostgresEnvironment.PORT, "54329"));
		SpringApplication application = new SpringApplication(AftercareApplication.class);
		application.setAdditionalProfiles("local");
		try {
			application.run(args);
		}
		catch (RuntimeException ex) {
			// Spring Boot has logged why. Exit, which stops the embedded PostgreSQL too:
			// its threads would otherwise keep the failed run alive.
			System.exit(1);
		}
	}

}
