package org.aftercare.interop;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;

import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import org.aftercare.TestFixtures;
import org.aftercare.TestFixtures.World;
import org.aftercare.report.Confounder;
import org.aftercare.report.MedicinesHelped;
import org.aftercare.report.NewEntry;
import org.aftercare.report.NewReport;
import org.aftercare.report.ReportService;
import org.aftercare.report.Symptom;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * A clinic with data in every resource type of the API and an API client's token, made
 * through the app as a clinic would make it, and the API's answers read back with HAPI's
 * parser.
 */
final class FhirClinic {

	final World world;

	final String token;

	final UUID clientId;

	final UUID flagId;

	final UUID reportId;

	private final MockMvc mvc;

	private FhirClinic(World world, String token, UUID clientId, UUID flagId, UUID reportId, MockMvc mvc) {
		this.world = world;
		this.token = token;
		this.clientId = clientId;
		this.flagId = flagId;
		this.reportId = reportId;
		this.mvc = mvc;
	}

	/**
	 * A treated patient whose report (trouble swallowing 8/10 and a headache, after a
	 * visit to the emergency department) raised flags, the first of them resolved as
	 * serious; and an API client.
	 */
	static FhirClinic create(TestFixtures fixtures, ReportService reports, ApiClients clients, JdbcClient jdbc,
			MockMvc mvc) throws Exception {
		World world = fixtures.world(Instant.now().minus(Duration.ofDays(2)));
		UUID report = reports.submit(new NewReport(world.clinic(), world.patientId(), UUID.randomUUID(),
				List.of(new NewEntry(Symptom.TROUBLE_SWALLOWING, null, 8, 3, Instant.now().minus(Duration.ofHours(5)),
						true, null, null, null, null, null),
						new NewEntry(Symptom.HEADACHE, null, 5, 2, Instant.now().minus(Duration.ofHours(20)), false,
								Instant.now().minus(Duration.ofHours(2)), false, false, false, null)),
				java.util.Set.of(Confounder.STRESS, Confounder.POOR_SLEEP), "paracetamol", MedicinesHelped.PARTLY, true,
				false, "Lucía says it is hard to swallow water"))
			.value();
		UUID flag = jdbc.sql("SELECT id FROM flag WHERE clinic_id = ? AND rule_code = 'R1_DISTANT_SPREAD'")
			.param(world.clinicId())
			.query(UUID.class)
			.single();
		long version = jdbc.sql("SELECT version FROM flag WHERE id = ?").param(flag).query(Long.class).single();
		mvc.perform(post("/clinician/flags/" + flag + "/resolve").with(user(world.clinician()))
			.with(csrf())
			.param("version", String.valueOf(version))
			.param("outcome", "RESOLVED_WITH_SEQUELAE")
			.param("causality", "PROBABLE")
			.param("seriousness", "SERIOUS")
			.param("criteria", "HOSPITALISATION")
			.param("note", "Seen at A&E"));
		ApiClients.Created client = (ApiClients.Created) clients.create(world.clinic(), world.clinician().accountId(),
				"Warehouse", UUID.randomUUID());
		return new FhirClinic(world, client.token(), client.id(), flag, report, mvc);
	}

	MockHttpServletResponse get(String path) throws Exception {
		return this.mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(path)
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + this.token))
			.andReturn()
			.getResponse();
	}

	<T extends IBaseResource> T read(String path, Class<T> type) throws Exception {
		MockHttpServletResponse response = get(path);
		if (response.getStatus() != 200) {
			throw new AssertionError(path + " answered " + response.getStatus() + ": " + response.getContentAsString());
		}
		return Fhir.json().parseResource(type, response.getContentAsString());
	}

	Bundle search(String path) throws Exception {
		return read(path, Bundle.class);
	}

	static <T extends IBaseResource> T parse(MockHttpServletResponse response, Class<T> type) throws Exception {
		return Fhir.json().parseResource(type, response.getContentAsString());
	}

	static MockHttpServletResponse anonymous(MockMvc mvc, String path) throws Exception {
		return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(path))
			.andReturn()
			.getResponse();
	}

}
