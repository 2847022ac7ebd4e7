package org.aftercare.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.aftercare.AftercareApplication;
import org.aftercare.TestFixtures;
import org.aftercare.TestFixtures.World;
import org.aftercare.account.AccountService;
import org.aftercare.clinic.ClinicService;
import org.aftercare.patient.PatientService;
import org.aftercare.report.NewEntry;
import org.aftercare.report.NewReport;
import org.aftercare.report.ReportService;
import org.aftercare.report.Symptom;
import org.aftercare.treatment.TreatmentService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An alert whose e-mail could not be sent when its flag was committed (the mail server
 * was down, or the app died) is sent once when the app starts again: the durable event
 * publication registry keeps it until then.
 */
class EventRegistryRestartTests {

	@Test
	void alertInterruptedBetweenCommitAndSendIsSentOnceAfterRestart() {
		World world;
		UUID flagId;
		// The first run: the mail server cannot be reached, so the alert's publication
		// stays incomplete.
		try (ConfigurableApplicationContext first = start("--spring.mail.host=127.0.0.1", "--spring.mail.port=9")) {
			world = fixtures(first).world(Instant.now().minus(Duration.ofDays(1)));
			first.getBean(ReportService.class)
				.submit(NewReport
					.of(world.clinic(), world.patientId(), UUID.randomUUID(),
							List.of(new NewEntry(Symptom.TROUBLE_BREATHING, null, 5, null,
									Instant.now().minus(Duration.ofHours(1)), true, null, null, null, null, null)),
							null));
			JdbcClient jdbc = first.getBean(JdbcClient.class);
			flagId = jdbc.sql("SELECT id FROM flag WHERE clinic_id = ?")
				.param(world.clinicId())
				.query(UUID.class)
				.single();
			String pattern = "%" + flagId + "%";
			await().atMost(Duration.ofSeconds(20))
				.until(() -> jdbc.sql("""
						SELECT count(*) FROM event_publication
						 WHERE serialized_event LIKE ? AND completion_date IS NULL AND completion_attempts >= 1""")
					.param(pattern)
					.query(Long.class)
					.single() == 1);
		}
		assertThat(NotificationTests.mailsTo(world.clinicianEmail())).as("nothing sent while the server was down")
			.isEmpty();

		// The restart, with the mail server back.
		try (ConfigurableApplicationContext second = start()) {
			await().atMost(Duration.ofSeconds(20))
				.until(() -> NotificationTests.mailsTo(world.clinicianEmail()).size() == 1);
			await().during(Duration.ofSeconds(2))
				.atMost(Duration.ofSeconds(10))
				.until(() -> NotificationTests.mailsTo(world.clinicianEmail()).size() == 1);
			assertThat(second.getBean(JdbcClient.class)
				.sql("SELECT count(*) FROM event_publication WHERE serialized_event LIKE ?")
				.param("%" + flagId + "%")
				.query(Long.class)
				.single()).as("completed publications are deleted").isZero();
		}
	}

	static ConfigurableApplicationContext start(String... args) {
		String[] all = new String[args.length + 1];
		all[0] = "--server.port=0";
		System.arraycopy(args, 0, all, 1, args.length);
		return new SpringApplicationBuilder(AftercareApplication.class).run(all);
	}

	static TestFixtures fixtures(ConfigurableApplicationContext context) {
		return new TestFixtures(context.getBean(ClinicService.class), context.getBean(AccountService.class),
				context.getBean(PatientService.class), context.getBean(TreatmentService.class));
	}

}
