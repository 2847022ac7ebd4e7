package org.aftercare.interop;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.CannotCreateTransactionException;

import org.aftercare.AftercareTest;
import org.aftercare.TestFixtures;
import org.aftercare.TestFixtures.World;
import org.aftercare.report.ReportService;
import org.aftercare.treatment.TreatmentService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * The database out of reach during an API request: the client gets a 503 OperationOutcome
 * saying to try again, in FHIR's JSON, not the app's HTML page. The same spies as
 * {@code ReportDatabaseDownTests}, so the two share one context.
 */
@AftercareTest
class FhirDatabaseDownTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestFixtures fixtures;

	@Autowired
	ApiClients clients;

	@MockitoSpyBean
	ReportService reports;

	@MockitoSpyBean
	TreatmentService treatments;

	private String token;

	private World world;

	@BeforeEach
	void clientOfAClinic() {
		this.world = this.fixtures.world(Instant.now().minus(Duration.ofDays(2)));
		this.token = ((ApiClients.Created) this.clients.create(this.world.clinic(), this.world.clinician().accountId(),
				"Warehouse", UUID.randomUUID()))
			.token();
	}

	@Test
	void aReadWhenTheDatabaseIsDownIsA503OperationOutcome() throws Exception {
		doThrow(new CannotCreateTransactionException("Could not open JPA EntityManager for transaction"))
			.when(this.treatments)
			.findRecord(any(), any());
		MockHttpServletResponse response = get("/fhir/Procedure/" + this.world.treatmentId());
		assertUnavailable(response);
	}

	@Test
	void aSearchWhenTheDatabaseIsDownIsA503OperationOutcome() throws Exception {
		doThrow(new DataAccessResourceFailureException("connection reset")).when(this.reports)
			.submitted(any(), any(), any());
		MockHttpServletResponse response = get("/fhir/QuestionnaireResponse?_format=xml");
		assertThat(response.getStatus()).isEqualTo(503);
		assertThat(response.getContentType()).startsWith(Fhir.XML);
		OperationOutcome outcome = Fhir.xml().parseResource(OperationOutcome.class, response.getContentAsString());
		assertThat(outcome.getIssueFirstRep().getCode()).isEqualTo(OperationOutcome.IssueType.TRANSIENT);
	}

	@Test
	void theTokenLookupWhenTheDatabaseIsDownIsA503OperationOutcomeToo() throws Exception {
		ApiClients unreachable = mock(ApiClients.class);
		when(unreachable.authenticate(anyString()))
			.thenThrow(new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection"));
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/fhir/Patient");
		request.addHeader("Authorization", "Bearer " + this.token);
		MockHttpServletResponse response = new MockHttpServletResponse();
		MockFilterChain rest = new MockFilterChain();
		new FhirSecurityConfiguration.ApiTokenFilter(unreachable).doFilter(request, response, rest);
		assertThat(rest.getRequest()).as("the request goes no further").isNull();
		assertUnavailable(response);
	}

	private MockHttpServletResponse get(String path) throws Exception {
		return this.mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(path)
				.header("Authorization", "Bearer " + this.token))
			.andReturn()
			.getResponse();
	}

	private static void assertUnavailable(MockHttpServletResponse response) throws Exception {
		assertThat(response.getStatus()).isEqualTo(503);
		assertThat(response.getContentType()).startsWith(Fhir.JSON);
		assertThat(response.getContentAsString()).doesNotContain("<html");
		OperationOutcome outcome = FhirClinic.parse(response, OperationOutcome.class);
		assertThat(outcome.getIssueFirstRep().getSeverity()).isEqualTo(OperationOutcome.IssueSeverity.ERROR);
		assertThat(outcome.getIssueFirstRep().getCode()).isEqualTo(OperationOutcome.IssueType.TRANSIENT);
		assertThat(outcome.getIssueFirstRep().getDiagnostics()).contains("try again");
	}

}
