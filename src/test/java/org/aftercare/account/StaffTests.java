package org.aftercare.account;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import org.aftercare.AftercareTest;
import org.aftercare.TestFixtures;
import org.aftercare.TestFixtures.World;
import org.aftercare.notification.NotificationTestsAccess;
import org.aftercare.security.CurrentUser;
import org.aftercare.security.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@AftercareTest
class StaffTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestFixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Test
	void adminInvitesAClinicianWhoGetsAStaffInvitation() throws Exception {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		String email = "new-nurse-" + UUID.randomUUID() + "@test.aftercare";
		this.mvc
			.perform(post("/admin/staff").with(user(admin(world)))
				.with(csrf())
				.param("displayName", "New Nurse")
				.param("email", email)
				.param("role", "CLINICIAN"))
			.andExpect(redirectedUrl("/admin/staff"));
		await().atMost(Duration.ofSeconds(10)).until(() -> NotificationTestsAccess.mailsTo(email).size() == 1);
		assertThat(NotificationTestsAccess.mailsTo(email).get(0).getSubject()).contains("staff account");
		this.mvc.perform(get("/admin/staff").with(user(admin(world))))
			.andExpect(content().string(containsString(email)))
			.andExpect(content().string(containsString("Invited, no password yet")));
	}

	@Test
	void badOrTakenAddressesAndPatientRolesAreRefused() throws Exception {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		this.mvc
			.perform(post("/admin/staff").with(user(admin(world)))
				.with(csrf())
				.param("displayName", "X")
				.param("email", world.patientEmail())
				.param("role", "PATIENT"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("id=\"email-error\"")))
			.andExpect(content().string(containsString("id=\"role-error\"")));
	}

	@Test
	void disablingAClinicianEndsTheirSessionsAtOnceAndRefusesLogins() throws Exception {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		Cookie session = this.mvc.perform(
				formLogin("/login").userParameter("email").user(world.clinicianEmail()).password(TestFixtures.PASSWORD))
			.andExpect(redirectedUrl("/"))
			.andReturn()
			.getResponse()
			.getCookie("SESSION");
		this.mvc.perform(get("/clinician/flags").cookie(session)).andExpect(status().isOk());

		this.mvc
			.perform(post("/admin/staff/" + world.clinician().accountId() + "/disable").with(user(admin(world)))
				.with(csrf()))
			.andExpect(redirectedUrl("/admin/staff"));
		this.mvc.perform(get("/clinician/flags").cookie(session)).andExpect(redirectedUrl("/login"));
		this.mvc.perform(
				formLogin("/login").userParameter("email").user(world.clinicianEmail()).password(TestFixtures.PASSWORD))
			.andExpect(redirectedUrl("/login?error"));
		assertThat(this.jdbc.sql("SELECT count(*) FROM audit_event WHERE clinic_id = ? AND action = 'STAFF_DISABLED'")
			.param(world.clinicId())
			.query(Long.class)
			.single()).isEqualTo(1);

		this.mvc
			.perform(post("/admin/staff/" + world.clinician().accountId() + "/enable").with(user(admin(world)))
				.with(csrf()))
			.andExpect(redirectedUrl("/admin/staff"));
		this.mvc.perform(
				formLogin("/login").userParameter("email").user(world.clinicianEmail()).password(TestFixtures.PASSWORD))
			.andExpect(redirectedUrl("/"));
	}

	@Test
	void anotherClinicsStaffIsNotFoundAndCliniciansCannotManageStaff() throws Exception {
		World mine = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		World theirs = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		this.mvc
			.perform(post("/admin/staff/" + theirs.clinician().accountId() + "/disable").with(user(admin(mine)))
				.with(csrf()))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/admin/staff").with(user(mine.clinician()))).andExpect(status().isForbidden());
		this.mvc
			.perform(post("/admin/staff/" + mine.patient().accountId() + "/disable").with(user(admin(mine)))
				.with(csrf()))
			.andExpect(status().isNotFound());
	}

	private static CurrentUser admin(World world) {
		return new CurrentUser(UUID.randomUUID(), world.clinicId(), null, "admin@x.test", "Admin", Role.ADMIN,
				"Europe/London", null, true);
	}

}
