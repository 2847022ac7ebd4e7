package org.aftercare.triage;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.aftercare.AftercareApplication;
import org.aftercare.MutableClock;
import org.aftercare.TestClockConfiguration;
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
 * Two app instances on one database run the R13 job at the same moment: the flag is
 * escalated, and the clinic alerted, once.
 */
class TwoInstanceJobsTests {

	@Test
	void twoInstancesEscalateAFlagOnceAndAlertOnce() throws Exception {
		try (ConfigurableApplicationContext one = start(); ConfigurableApplicationContext two = start()) {
			TestFixtures fixtures = new TestFixtures(one.getBean(ClinicService.class),
					one.getBean(AccountService.class), one.getBean(PatientService.class),
					one.getBean(TreatmentService.class));
			World world = fixtures.world(Instant.now().minus(Duration.ofDays(1)));
			one.getBean(ReportService.class)
				.submit(NewReport
					.of(world.clinic(), world.patientId(), UUID.randomUUID(),
							List.of(new NewEntry(Symptom.TROUBLE_BREATHING, null, 5, null,
									Instant.now().minus(Duration.ofHours(1)), true, null, null, null, null, null)),
							null));
			one.getBean(MutableClock.class).advance(Duration.ofMinutes(16));
			two.getBean(MutableClock.class).advance(Duration.ofMinutes(16));

			CyclicBarrier together = new CyclicBarrier(2);
			CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> run(one, together));
			CompletableFuture<Integer> second = CompletableFuture.supplyAsync(() -> run(two, together));
			first.get();
			second.get();

			JdbcClient jdbc = one.getBean(JdbcClient.class);
			assertThat(jdbc.sql("SELECT escalated_at IS NOT NULL FROM flag WHERE clinic_id = ?")
				.param(world.clinicId())
				.query(Boolean.class)
				.single()).isTrue();
			await().atMost(Duration.ofSeconds(15)).until(() -> escalationMails(world).size() == 1);
			await().during(Duration.ofSeconds(2))
				.atMost(Duration.ofSeconds(10))
				.until(() -> escalationMails(world).size() == 1);
		}
	}

	@Test
	void twoInstancesSendEachCheckInReminderOnce() throws Exception {
		try (ConfigurableApplicationContext one = start(); ConfigurableApplicationContext two = start()) {
			TestFixtures fixtures = new TestFixtures(one.getBean(ClinicService.class),
					one.getBean(AccountService.class), one.getBean(PatientService.class),
					one.getBean(TreatmentService.class));
			World world = fixtures.world(Instant.now());
			one.getBean(MutableClock.class).advance(Duration.ofHours(2).plusMinutes(1));
			two.getBean(MutableClock.class).advance(Duration.ofHours(2).plusMinutes(1));
			CyclicBarrier together = new CyclicBarrier(2);
			CompletableFuture<Void> first = CompletableFuture.runAsync(() -> remindAll(one, together));
			CompletableFuture<Void> second = CompletableFuture.runAsync(() -> remindAll(two, together));
			first.get();
			second.get();
			await().atMost(Duration.ofSeconds(15))
				.until(() -> org.aftercare.notification.NotificationTestsAccess.mailsTo(world.patientEmail())
					.size() == 1);
			await().during(Duration.ofSeconds(2))
				.atMost(Duration.ofSeconds(10))
				.until(() -> org.aftercare.notification.NotificationTestsAccess.mailsTo(world.patientEmail())
					.size() == 1);
		}
	}

	private static void remindAll(ConfigurableApplicationContext context, CyclicBarrier together) {
		try {
			together.await();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		for (int i = 0; i < 100; i++) {
			int queued = org.aftercare.notification.NotificationTestsAccess.remindDue(context);
			if (queued == 0) {
				return;
			}
		}
	}

	private static int run(ConfigurableApplicationContext context, CyclicBarrier together) {
		try {
			together.await();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		return context.getBean(TriageJobs.class).escalateUnanswered();
	}

	private static List<jakarta.mail.internet.MimeMessage> escalationMails(World world) {
		return org.aftercare.notification.NotificationTestsAccess.mailsTo(world.clinicianEmail())
			.stream()
			.filter((m) -> {
				try {
					return m.getSubject().startsWith("[Aftercare] Not yet acknowledged");
				}
				catch (jakarta.mail.MessagingException ex) {
					return false;
				}
			})
			.toList();
	}

	private static ConfigurableApplicationContext start() {
		return new SpringApplicationBuilder(AftercareApplication.class, TestClockConfiguration.class)
			.run("--server.port=0", "--spring.main.allow-bean-definition-overriding=true");
	}

}
