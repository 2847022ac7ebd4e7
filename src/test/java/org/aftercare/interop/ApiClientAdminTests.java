package org.aftercare.interop;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import org.aftercare.AftercareTest;
import org.aftercare.TestFixtures;
import org.aftercare.TestFixtures.World;
import org.aftercare.account.Tokens;
import org.aftercare.security.CurrentUser;
import org.aftercare.security.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The admin's API clients page: a new client's token shown once and never stored, the
 * list, revoking after a confirmation, and only for the clinic's admins.
 */
@AftercareTest
class ApiClientAdminTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestFixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	private World world;

	private CurrentUser admin;

	@BeforeEach
	void clinicWithAnAdmin() {
		this.world = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		// The clinic's clinician account, signed in as its admin (created_by names an
		// account of the clinic).
		this.admin = new CurrentUser(this.world.clinician().accountId(), this.world.clinicId(), null,
				this.world.clinicianEmail(), "Ada Admin", Role.ADMIN, "Europe/London", null, true);
	}

	@Test
	void aNewClientsTokenIsShownOnceAndOnlyItsHashIsStored() throws Exception {
		MockHttpServletResponse created = this.mvc
			.perform(post("/admin/api-clients").with(user(this.admin)).with(csrf()).param("name", " Data warehouse "))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse();
		assertThat(created.getHeader(HttpHeaders.CACHE_CONTROL)).isEqualTo("no-store");
		String token = created.getContentAsString().replaceFirst("(?s).*id=\"token\"[^>]*value=\"([^\"]+)\".*", "$1");
		assertThat(token).hasSizeGreaterThanOrEqualTo(43).doesNotContain("<");
		assertThat(this.jdbc.sql("SELECT token_hash FROM api_client WHERE clinic_id = ?")
			.param(this.world.clinicId())
			.query(String.class)
			.single()).isEqualTo(Tokens.hash(token));
		assertThat(this.jdbc.sql("SELECT count(*) FROM api_client WHERE token_hash = ? OR name = ?")
			.params(token, token)
			.query(Integer.class)
			.single()).isZero();
		this.mvc.perform(get("/admin/api-clients").with(user(this.admin)))
			.andExpect(content().string(containsString("Data warehouse")))
			.andExpect(content().string(containsString("Dr Test")))
			.andExpect(content().string(containsString("Never")))
			.andExpect(content().string(not(containsString(token))));
		this.mvc.perform(get("/fhir/Patient").header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
			.andExpect(status().isOk());
		this.mvc.perform(get("/admin/api-clients").with(user(this.admin)))
			.andExpect(content().string(not(containsString("Never"))));
		assertThat(audit("API_CLIENT_CREATED")).isEqualTo(1);
	}

	@Test
	void aBlankNameIsRefusedBesideTheFieldAndNothingIsCreated() throws Exception {
		String formToken = UUID.randomUUID().toString();
		String page = this.mvc
			.perform(post("/admin/api-clients").with(user(this.admin))
				.with(csrf())
				.param("name", "  ")
				.param("formToken", formToken))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("field-error")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(formToken(page)).as("the form keeps its one-time token").isEqualTo(formToken);
		this.mvc.perform(post("/admin/api-clients").with(user(this.admin)).with(csrf()).param("name", "x".repeat(81)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("x".repeat(81))));
		assertThat(this.jdbc.sql("SELECT count(*) FROM api_client WHERE clinic_id = ?")
			.param(this.world.clinicId())
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void theFormSentTwiceCreatesOneClientAndTheSecondAnswerSaysWhatToDo() throws Exception {
		String formToken = formToken(this.mvc.perform(get("/admin/api-clients").with(user(this.admin)))
			.andReturn()
			.getResponse()
			.getContentAsString());
		MockHttpServletResponse first = this.mvc
			.perform(post("/admin/api-clients").with(user(this.admin))
				.with(csrf())
				.param("name", "Warehouse")
				.param("formToken", formToken))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse();
		String token = first.getContentAsString().replaceFirst("(?s).*id=\"token\"[^>]*value=\"([^\"]+)\".*", "$1");
		UUID id = this.jdbc.sql("SELECT id FROM api_client WHERE clinic_id = ?")
			.param(this.world.clinicId())
			.query(UUID.class)
			.single();

		MockHttpServletResponse second = this.mvc
			.perform(post("/admin/api-clients").with(user(this.admin))
				.with(csrf())
				.param("name", "Warehouse")
				.param("formToken", formToken))
			.andExpect(redirectedUrl("/admin/api-clients"))
			.andExpect(flash().attribute("createdBeforeId", id))
			.andReturn()
			.getResponse();
		assertThat(second.getContentAsString()).doesNotContain(token);
		// The list the redirect leads to, in the session the flash message was kept in.
		Cookie session = second.getCookie("SESSION");
		assertThat(session).as("the flash message's session").isNotNull();
		this.mvc.perform(get("/admin/api-clients").with(user(this.admin)).cookie(session))
			.andExpect(content().string(containsString("created the API client &quot;Warehouse&quot;")))
			.andExpect(content().string(containsString("/admin/api-clients/" + id + "/revoke")))
			.andExpect(content().string(not(containsString(token))));

		assertThat(this.jdbc.sql("SELECT count(*) FROM api_client WHERE clinic_id = ?")
			.param(this.world.clinicId())
			.query(Integer.class)
			.single()).isEqualTo(1);
		assertThat(audit("API_CLIENT_CREATED")).isEqualTo(1);
		this.mvc.perform(get("/fhir/Patient").header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
			.andExpect(status().isOk());
	}

	@Test
	void twoSendingsOfOneFormAtTheSameMomentCreateOneClient() throws Exception {
		String formToken = UUID.randomUUID().toString();
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			List<Future<Integer>> answers = new ArrayList<>();
			for (int i = 0; i < 2; i++) {
				answers.add(threads.submit(() -> {
					start.await();
					return this.mvc
						.perform(post("/admin/api-clients").with(user(this.admin))
							.with(csrf())
							.param("name", "Warehouse")
							.param("formToken", formToken))
						.andReturn()
						.getResponse()
						.getStatus();
				}));
			}
			start.countDown();
			List<Integer> statuses = new ArrayList<>();
			for (Future<Integer> answer : answers) {
				statuses.add(answer.get(60, TimeUnit.SECONDS));
			}
			assertThat(statuses).as("one answer with the token, one leading to the list")
				.containsExactlyInAnyOrder(200, 302);
		}
		finally {
			threads.shutdownNow();
		}
		assertThat(this.jdbc.sql("SELECT count(*) FROM api_client WHERE clinic_id = ?")
			.param(this.world.clinicId())
			.query(Integer.class)
			.single()).isEqualTo(1);
		assertThat(audit("API_CLIENT_CREATED")).isEqualTo(1);
	}

	@Test
	void revokingAfterTheConfirmationStopsTheToken() throws Exception {
		String token = create("Warehouse");
		UUID id = this.jdbc.sql("SELECT id FROM api_client WHERE clinic_id = ?")
			.param(this.world.clinicId())
			.query(UUID.class)
			.single();
		this.mvc.perform(get("/admin/api-clients/" + id + "/revoke").with(user(this.admin)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Revoke the API client")));
		this.mvc.perform(post("/admin/api-clients/" + id + "/revoke").with(user(this.admin)))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/fhir/Patient").header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
			.andExpect(status().isOk());
		this.mvc.perform(post("/admin/api-clients/" + id + "/revoke").with(user(this.admin)).with(csrf()))
			.andExpect(redirectedUrl("/admin/api-clients"))
			.andExpect(flash().attribute("revoked", "Warehouse"));
		this.mvc.perform(get("/fhir/Patient").header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
			.andExpect(status().isUnauthorized());
		this.mvc.perform(get("/admin/api-clients").with(user(this.admin)))
			.andExpect(content().string(containsString("Revoked")));
		assertThat(audit("API_CLIENT_REVOKED")).isEqualTo(1);
	}

	@Test
	void cliniciansPatientsAndOtherClinicsAdminsCannotManageClients() throws Exception {
		create("Warehouse");
		UUID id = this.jdbc.sql("SELECT id FROM api_client WHERE clinic_id = ?")
			.param(this.world.clinicId())
			.query(UUID.class)
			.single();
		for (CurrentUser who : new CurrentUser[] { this.world.clinician(), this.world.patient() }) {
			this.mvc.perform(get("/admin/api-clients").with(user(who))).andExpect(status().isForbidden());
			this.mvc.perform(post("/admin/api-clients").with(user(who)).with(csrf()).param("name", "Mine"))
				.andExpect(status().isForbidden());
			this.mvc.perform(post("/admin/api-clients/" + id + "/revoke").with(user(who)).with(csrf()))
				.andExpect(status().isForbidden());
		}
		World other = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		CurrentUser otherAdmin = new CurrentUser(other.clinician().accountId(), other.clinicId(), null,
				other.clinicianEmail(), "Other Admin", Role.ADMIN, "Europe/London", null, true);
		this.mvc.perform(get("/admin/api-clients/" + id + "/revoke").with(user(otherAdmin)))
			.andExpect(status().isNotFound());
		this.mvc.perform(post("/admin/api-clients/" + id + "/revoke").with(user(otherAdmin)).with(csrf()))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/admin/api-clients").with(user(otherAdmin)))
			.andExpect(content().string(not(containsString("Warehouse"))));
		assertThat(this.jdbc.sql("SELECT revoked_at IS NULL FROM api_client WHERE id = ?")
			.param(id)
			.query(Boolean.class)
			.single()).isTrue();
	}

	private String create(String name) throws Exception {
		String page = this.mvc
			.perform(post("/admin/api-clients").with(user(this.admin)).with(csrf()).param("name", name))
			.andReturn()
			.getResponse()
			.getContentAsString();
		return page.replaceFirst("(?s).*id=\"token\"[^>]*value=\"([^\"]+)\".*", "$1");
	}

	private static String formToken(String page) {
		return page.replaceFirst("(?s).*name=\"formToken\"[^>]*value=\"([^\"]+)\".*", "$1");
	}

	private int audit(String action) {
		return this.jdbc.sql("SELECT count(*) FROM audit_event WHERE clinic_id = ? AND action = ?")
			.params(this.world.clinicId(), action)
			.query(Integer.class)
			.single();
	}

}
