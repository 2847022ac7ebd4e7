package org.aftercare.clinic;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import org.aftercare.AftercareTest;
import org.aftercare.TestFixtures;
import org.aftercare.TestFixtures.World;
import org.aftercare.security.CurrentUser;
import org.aftercare.security.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@AftercareTest
class ClinicSettingsTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestFixtures fixtures;

	@Autowired
	ClinicService clinics;

	@Autowired
	JdbcClient jdbc;

	@Test
	void adminChangesTheEmergencyNumberAndItIsAudited() throws Exception {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		this.mvc
			.perform(post("/admin/settings").with(user(admin(world)))
				.with(csrf())
				.param("name", "Renamed Clinic")
				.param("phone", "+44 20 7946 0999")
				.param("emergencyNumber", "112")
				.param("timeZone", "Europe/London"))
			.andExpect(redirectedUrl("/admin/settings"));
		assertThat(this.clinics.get(world.clinic()).emergencyNumber()).isEqualTo("112");
		String detail = this.jdbc
			.sql("SELECT detail FROM audit_event WHERE clinic_id = ? AND action = 'CLINIC_SETTINGS_CHANGED'")
			.param(world.clinicId())
			.query(String.class)
			.single();
		assertThat(detail).contains("emergencyNumber: 999 -> 112").contains("name: Clinic ");
	}

	@Test
	void badSettingsAreRefusedBesideTheFieldWithTheInputKept() throws Exception {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		this.mvc
			.perform(post("/admin/settings").with(user(admin(world)))
				.with(csrf())
				.param("name", "<script>alert(1)</script>")
				.param("phone", "call me")
				.param("emergencyNumber", "9a9")
				.param("timeZone", "Mars/Olympus"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("id=\"phone-error\"")))
			.andExpect(content().string(containsString("id=\"emergencyNumber-error\"")))
			.andExpect(content().string(containsString("id=\"timeZone-error\"")))
			.andExpect(content().string(containsString("value=\"Mars/Olympus\"")))
			.andExpect(content().string(containsString("&lt;script&gt;alert(1)&lt;/script&gt;")));
		assertThat(this.clinics.get(world.clinic()).emergencyNumber()).isEqualTo("999");
	}

	@Test
	void adminSetsTheCheckInTimesThatNewTreatmentsGet() throws Exception {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		this.mvc
			.perform(post("/admin/settings").with(user(admin(world)))
				.with(csrf())
				.param("name", "Clinic")
				.param("phone", "+44 20 7946 0999")
				.param("emergencyNumber", "999")
				.param("timeZone", "Europe/London")
				.param("checkIns", "1d, 4h, 10d"))
			.andExpect(redirectedUrl("/admin/settings"));
		assertThat(this.clinics.checkInOffsets(world.clinic())).containsExactly(Duration.ofHours(4), Duration.ofDays(1),
				Duration.ofDays(10));
		this.mvc
			.perform(post("/admin/settings").with(user(admin(world)))
				.with(csrf())
				.param("name", "Clinic")
				.param("phone", "+44 20 7946 0999")
				.param("emergencyNumber", "999")
				.param("timeZone", "Europe/London")
				.param("checkIns", "2 weeks, 200d"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("id=\"checkIns-error\"")))
			.andExpect(content().string(containsString("value=\"2 weeks, 200d\"")));
	}

	@Test
	void adminSetsHowLongCheckInLinksWorkAndItIsAudited() throws Exception {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		this.mvc.perform(get("/admin/settings").with(user(admin(world))))
			.andExpect(content().string(containsString("name=\"checkInLinkHours\" value=\"72\"")));
		this.mvc
			.perform(post("/admin/settings").with(user(admin(world)))
				.with(csrf())
				.param("name", "Clinic")
				.param("phone", "+44 20 7946 0999")
				.param("emergencyNumber", "999")
				.param("timeZone", "Europe/London")
				.param("checkInLinkHours", "500"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("id=\"checkInLinkHours-error\"")))
			.andExpect(content().string(containsString("value=\"500\"")));
		assertThat(this.clinics.checkInLinkWindow(world.clinic())).isEqualTo(Duration.ofHours(72));
		this.mvc
			.perform(post("/admin/settings").with(user(admin(world)))
				.with(csrf())
				.param("name", "Clinic")
				.param("phone", "+44 20 7946 0999")
				.param("emergencyNumber", "999")
				.param("timeZone", "Europe/London")
				.param("checkInLinkHours", "24"))
			.andExpect(redirectedUrl("/admin/settings"));
		assertThat(this.clinics.checkInLinkWindow(world.clinic())).isEqualTo(Duration.ofHours(24));
		assertThat(this.jdbc
			.sql("SELECT detail FROM audit_event WHERE clinic_id = ? AND action = 'CLINIC_SETTINGS_CHANGED'")
			.param(world.clinicId())
			.query(String.class)
			.list()).anyMatch((detail) -> detail.contains("checkInLinkHours: 72 -> 24"));
	}

	@Test
	void cliniciansCannotChangeClinicSettings() throws Exception {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		this.mvc
			.perform(post("/admin/settings").with(user(world.clinician())).with(csrf()).param("emergencyNumber", "1"))
			.andExpect(status().isForbidden());
	}

	private static CurrentUser admin(World world) {
		return new CurrentUser(UUID.randomUUID(), world.clinicId(), null, "admin@x.test", "Admin", Role.ADMIN,
				"Europe/London", null, true);
	}

}
