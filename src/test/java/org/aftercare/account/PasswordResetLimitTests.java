package org.aftercare.account;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import org.aftercare.AftercareTest;
import org.aftercare.MutableClock;
import org.aftercare.TestFixtures;
import org.aftercare.TestFixtures.World;
import org.aftercare.notification.NotificationTestsAccess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * At most three reset links per address an hour and twenty requests per client address
 * (the defaults), without the page ever saying which limit, if any, held a link back.
 */
@AftercareTest
class PasswordResetLimitTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	@Autowired
	MockMvc mvc;

	@Autowired
	TestFixtures fixtures;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void anAddressGetsThreeLinksAnHourAndTheFourthAfterTheHour() throws Exception {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		String email = world.patientEmail();
		String unknown = "nobody-" + UUID.randomUUID() + "@test.aftercare";
		MockHttpServletResponse nobody = ask(unknown, LoginThrottleTests.randomAddress());
		for (int i = 1; i <= 3; i++) {
			sameAnswer(ask(email, LoginThrottleTests.randomAddress()), nobody);
			int sent = i;
			await().atMost(WAIT).until(() -> NotificationTestsAccess.mailsTo(email).size() == sent);
			this.clock.advance(Duration.ofMinutes(10));
		}
		// Two more within the hour, each from a new client address: answered alike, not
		// sent.
		sameAnswer(ask(email, LoginThrottleTests.randomAddress()), nobody);
		this.clock.advance(Duration.ofMinutes(29));
		sameAnswer(ask(email, LoginThrottleTests.randomAddress()), nobody);
		await().during(Duration.ofSeconds(1))
			.atMost(WAIT)
			.until(() -> NotificationTestsAccess.mailsTo(email).size() == 3);

		// An hour after the first link, there is room for one more.
		this.clock.advance(Duration.ofMinutes(2));
		sameAnswer(ask(email, LoginThrottleTests.randomAddress()), nobody);
		await().atMost(WAIT).until(() -> NotificationTestsAccess.mailsTo(email).size() == 4);

		// The limited requests are in the clinic's audit trail, without the address.
		List<String> details = this.jdbc.sql(
				"SELECT coalesce(detail, '') FROM audit_event WHERE clinic_id = ? AND action = 'PASSWORD_RESET_LIMITED'"
						+ " AND outcome = 'DENIED' AND object_id = ?")
			.params(world.clinicId(), world.patient().accountId())
			.query(String.class)
			.list();
		assertThat(details).hasSize(2).allSatisfy((detail) -> assertThat(detail).doesNotContain(email));
		assertThat(this.jdbc
			.sql("SELECT count(*) FROM audit_event WHERE clinic_id = ? AND action = 'PASSWORD_RESET_REQUESTED'")
			.param(world.clinicId())
			.query(Long.class)
			.single()).isEqualTo(4);
		// Only a hash of the address is kept with the requests.
		assertThat(this.jdbc.sql("SELECT count(*) FROM password_reset_request WHERE email_hash = ?")
			.param(LoginThrottle.emailKey(email))
			.query(Long.class)
			.single()).isEqualTo(6);
		assertThat(this.jdbc.sql("SELECT count(*) FROM password_reset_request WHERE email_hash LIKE '%@%'")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void aClientAddressThatAskedTwentyTimesAnHourGetsNoMoreLinks() throws Exception {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		String ip = LoginThrottleTests.randomAddress();
		MockHttpServletResponse first = null;
		for (int i = 0; i < 20; i++) {
			MockHttpServletResponse response = ask("probe-" + i + "-" + UUID.randomUUID() + "@test.aftercare", ip);
			first = (first == null) ? response : first;
			sameAnswer(response, first);
		}
		sameAnswer(ask(world.patientEmail(), ip), first);
		await().during(Duration.ofSeconds(1))
			.atMost(WAIT)
			.until(() -> NotificationTestsAccess.mailsTo(world.patientEmail()).isEmpty());
		assertThat(this.jdbc
			.sql("SELECT detail FROM audit_event WHERE clinic_id = ? AND action = 'PASSWORD_RESET_LIMITED'")
			.param(world.clinicId())
			.query(String.class)
			.single()).contains("client address");

		// Another client is not held back, and this one may ask again an hour later.
		sameAnswer(ask(world.patientEmail(), LoginThrottleTests.randomAddress()), first);
		await().atMost(WAIT).until(() -> NotificationTestsAccess.mailsTo(world.patientEmail()).size() == 1);
		this.clock.advance(Duration.ofMinutes(61));
		sameAnswer(ask(world.patientEmail(), ip), first);
		await().atMost(WAIT).until(() -> NotificationTestsAccess.mailsTo(world.patientEmail()).size() == 2);
	}

	private static void sameAnswer(MockHttpServletResponse response, MockHttpServletResponse reference)
			throws Exception {
		assertThat(response.getStatus()).isEqualTo(reference.getStatus()).isEqualTo(302);
		assertThat(response.getRedirectedUrl()).isEqualTo(reference.getRedirectedUrl())
			.isEqualTo("/password-reset?sent");
		assertThat(response.getHeaderNames()).isEqualTo(reference.getHeaderNames());
		assertThat(response.getContentAsString()).isEqualTo(reference.getContentAsString());
	}

	private MockHttpServletResponse ask(String email, String ip) throws Exception {
		return this.mvc.perform(post("/password-reset").with(csrf()).param("email", email).with((request) -> {
			request.setRemoteAddr(ip);
			return request;
		})).andReturn().getResponse();
	}

}
