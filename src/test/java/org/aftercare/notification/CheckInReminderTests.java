package org.aftercare.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.icegreen.greenmail.util.GreenMailUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import org.aftercare.AftercareTest;
import org.aftercare.MutableClock;
import org.aftercare.TestFixtures;
import org.aftercare.TestFixtures.World;
import org.aftercare.report.NewReport;
import org.aftercare.report.ReportService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@AftercareTest
class CheckInReminderTests {

	@Autowired
	TestFixtures fixtures;

	@Autowired
	CheckInReminders reminders;

	@Autowired
	ReportService reports;

	@Autowired
	MutableClock clock;

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void eachDueCheckInIsEmailedOnceWithALinkAndNoHealthData() throws Exception {
		World world = this.fixtures.world(Instant.now());
		remindAll();
		assertThat(NotificationTests.mailsTo(world.patientEmail())).as("nothing due yet").isEmpty();

		this.clock.advance(Duration.ofHours(2).plusMinutes(1));
		remindAll();
		await().atMost(Duration.ofSeconds(10)).until(() -> NotificationTests.mailsTo(world.patientEmail()).size() == 1);
		var mail = NotificationTests.mailsTo(world.patientEmail()).get(0);
		assertThat(mail.getSubject()).endsWith("how are you today?");
		assertThat(GreenMailUtil.getBody(mail)).contains("2 hours after your treatment").contains("/c/");

		remindAll();
		this.clock.advance(Duration.ofHours(1));
		remindAll();
		await().during(Duration.ofSeconds(1))
			.atMost(Duration.ofSeconds(5))
			.until(() -> NotificationTests.mailsTo(world.patientEmail()).size() == 1);

		this.clock.advance(Duration.ofDays(1));
		remindAll();
		await().atMost(Duration.ofSeconds(10)).until(() -> NotificationTests.mailsTo(world.patientEmail()).size() == 2);
		assertThat(GreenMailUtil.getBody(NotificationTests.mailsTo(world.patientEmail()).get(1))).contains("day 1");
	}

	@Test
	void answeredCheckInsAreNotReminded() throws Exception {
		World world = this.fixtures.world(Instant.now());
		this.clock.advance(Duration.ofHours(2).plusMinutes(1));
		// The patient answers with one tap ("no new symptoms") before the job runs.
		this.reports.submit(NewReport.of(world.clinic(), world.patientId(), UUID.randomUUID(), List.of(), null));
		remindAll();
		await().during(Duration.ofSeconds(1))
			.atMost(Duration.ofSeconds(5))
			.until(() -> NotificationTests.mailsTo(world.patientEmail()).isEmpty());
	}

	/** Other tests leave due check-ins too: run until everything due has been queued. */
	private void remindAll() {
		for (int i = 0; i < 100 && this.reminders.remindDue() > 0; i++) {
			// keep going
		}
	}

}
