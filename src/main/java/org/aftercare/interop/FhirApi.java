package org.aftercare.interop;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.aftercare.account.AccountId;
import org.aftercare.account.AccountService;
import org.aftercare.audit.AuditAction;
import org.aftercare.audit.AuditEvent;
import org.aftercare.audit.AuditLog;
import org.aftercare.audit.AuditOutcome;
import org.aftercare.paging.KeysetPage;
import org.aftercare.patient.PatientId;
import org.aftercare.patient.PatientRecord;
import org.aftercare.patient.PatientService;
import org.aftercare.report.ReportId;
import org.aftercare.report.ReportService;
import org.aftercare.report.ReportView;
import org.aftercare.security.ClinicId;
import org.aftercare.treatment.TreatmentId;
import org.aftercare.treatment.TreatmentRecord;
import org.aftercare.treatment.TreatmentService;
import org.aftercare.triage.FlagId;
import org.aftercare.triage.FlagRecord;
import org.aftercare.triage.FlagRecords;

/**
 * The clinic's data for an API client: a resource by id, or a page of a search, each read
 * in one transaction with its audit rows, as a clinician's page is. The request runs in
 * the client's clinic scope (ApiTokenFilter), and every query names the clinic again.
 */
@Service
class FhirApi {

	private final PatientService patients;

	private final AccountService accounts;

	private final TreatmentService treatments;

	private final ReportService reports;

	private final FlagRecords flags;

	private final AuditLog audit;

	private final FhirResources resources;

	private final String fhirBase;

	FhirApi(PatientService patients, AccountService accounts, TreatmentService treatments, ReportService reports,
			FlagRecords flags, AuditLog audit, @Value("${aftercare.base-url:http://localhost:8080}") String baseUrl) {
		this.patients = patients;
		this.accounts = accounts;
		this.treatments = treatments;
		this.reports = reports;
		this.flags = flags;
		this.audit = audit;
		this.fhirBase = fhirBase(baseUrl);
		this.resources = new FhirResources(this.fhirBase);
	}

	static String fhirBase(String baseUrl) {
		return (baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl) + "/fhir";
	}

	FhirResources resources() {
		return this.resources;
	}

	String fhirBase() {
		return this.fhirBase;
	}

	/** One resource found in the clinic's data: it, its id, when it changed, whose. */
	private record Hit(Resource resource, UUID id, Instant lastUpdated, PatientId patientId) {
	}

	/** A resource of the client's clinic by id; another clinic's does not exist here. */
	@Transactional
	Resource read(ApiClientPrincipal client, FhirType type, UUID id) {
		ClinicId clinic = client.clinicId();
		Hit hit = switch (type) {
			case PATIENT -> this.patients.findRecord(clinic, new PatientId(id)).map(this::hit).orElse(null);
			case PRACTITIONER -> this.accounts.findClinician(clinic, new AccountId(id))
				.map((c) -> new Hit(this.resources.practitioner(c), c.id().value(), c.recordedAt(), null))
				.orElse(null);
			case PROCEDURE -> this.treatments.findRecord(clinic, new TreatmentId(id)).map(this::hit).orElse(null);
			case ADVERSE_EVENT -> this.flags.find(clinic, new FlagId(id))
				.map((f) -> adverseEvents(clinic, List.of(f)).get(0))
				.orElse(null);
			case QUESTIONNAIRE_RESPONSE ->
				this.reports.findForClinic(clinic, new ReportId(id)).map(this::hit).orElse(null);
		};
		if (hit == null) {
			throw FhirException.notFound(type.resourceName(), id.toString());
		}
		this.audit.record(new AuditEvent(clinic, patientUuid(hit.patientId()), AuditAction.FHIR_READ,
				type.resourceName(), id, "API client " + client.name()), AuditOutcome.SUCCESS, client.clientId(),
				ApiClients.ACTOR_ROLE);
		return hit.resource();
	}

	/**
	 * A page of a search, oldest change first, with a {@code next} link when there is
	 * more. Audited with one row for each patient whose data the page holds (the admin's
	 * audit filter by patient then finds it), or one row naming none.
	 * @param self the request's own URL
	 * @param next the URL of the page after, given that page's {@code _cursor}
	 */
	@Transactional
	Bundle search(ApiClientPrincipal client, FhirType type, FhirSearch search, String self,
			Function<String, String> next) {
		ClinicId clinic = client.clinicId();
		KeysetPage page = search.page();
		PatientId of = (search.patient() != null) ? new PatientId(search.patient()) : null;
		List<Hit> hits = switch (type) {
			case PATIENT -> this.patients.records(clinic, page).stream().map(this::hit).toList();
			case PRACTITIONER -> this.accounts.clinicianRecords(clinic, page)
				.stream()
				.map((c) -> new Hit(this.resources.practitioner(c), c.id().value(), c.recordedAt(), null))
				.toList();
			case PROCEDURE -> this.treatments.records(clinic, of, page).stream().map(this::hit).toList();
			case ADVERSE_EVENT -> adverseEvents(clinic, this.flags.changed(clinic, of, page));
			case QUESTIONNAIRE_RESPONSE -> this.reports.submitted(clinic, of, page).stream().map(this::hit).toList();
		};
		boolean more = hits.size() > search.count();
		List<Hit> shown = more ? hits.subList(0, search.count()) : hits;
		Bundle bundle = new Bundle();
		bundle.setType(Bundle.BundleType.SEARCHSET);
		bundle.addLink().setRelation("self").setUrl(self);
		if (more) {
			Hit last = shown.get(shown.size() - 1);
			bundle.addLink().setRelation("next").setUrl(next.apply(FhirSearch.cursor(last.lastUpdated(), last.id())));
		}
		for (Hit hit : shown) {
			bundle.addEntry()
				.setFullUrl(this.fhirBase + "/" + type.resourceName() + "/" + hit.id())
				.setResource(hit.resource())
				.getSearch()
				.setMode(Bundle.SearchEntryMode.MATCH);
		}
		Set<UUID> patients = shown.stream()
			.map(Hit::patientId)
			.filter(Objects::nonNull)
			.map(PatientId::value)
			.collect(Collectors.toCollection(LinkedHashSet::new));
		String detail = "API client " + client.name() + ": " + self;
		if (patients.isEmpty()) {
			this.audit.record(new AuditEvent(clinic, null, AuditAction.FHIR_SEARCH, type.resourceName(), null, detail),
					AuditOutcome.SUCCESS, client.clientId(), ApiClients.ACTOR_ROLE);
		}
		for (UUID patient : patients) {
			this.audit.record(
					new AuditEvent(clinic, patient, AuditAction.FHIR_SEARCH, type.resourceName(), null, detail),
					AuditOutcome.SUCCESS, client.clientId(), ApiClients.ACTOR_ROLE);
		}
		return bundle;
	}

	/**
	 * Flags as AdverseEvents, with the reports that raised them read in one statement.
	 */
	private List<Hit> adverseEvents(ClinicId clinic, List<FlagRecord> flags) {
		Set<ReportId> reportIds = flags.stream()
			.map(FlagRecord::lastReportId)
			.filter(Objects::nonNull)
			.collect(Collectors.toSet());
		Map<ReportId, ReportView> byId = this.reports.findAllForClinic(clinic, reportIds)
			.stream()
			.collect(Collectors.toMap(ReportView::id, Function.identity()));
		List<Hit> hits = new ArrayList<>(flags.size());
		for (FlagRecord flag : flags) {
			Optional<ReportView> report = Optional.ofNullable(flag.lastReportId()).map(byId::get);
			hits.add(new Hit(this.resources.adverseEvent(flag, report), flag.id().value(), flag.lastUpdated(),
					flag.patientId()));
		}
		return hits;
	}

	private Hit hit(PatientRecord patient) {
		return new Hit(this.resources.patient(patient), patient.id().value(), patient.recordedAt(), patient.id());
	}

	private Hit hit(TreatmentRecord treatment) {
		return new Hit(this.resources.procedure(treatment), treatment.summary().id().value(), treatment.recordedAt(),
				treatment.summary().patientId());
	}

	private Hit hit(ReportView report) {
		return new Hit(this.resources.questionnaireResponse(report), report.id().value(), report.submittedAt(),
				report.patientId());
	}

	private static UUID patientUuid(PatientId patient) {
		return (patient != null) ? patient.value() : null;
	}

}
