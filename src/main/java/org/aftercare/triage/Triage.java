package org.aftercare.triage;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import org.aftercare.patient.PatientId;
import org.aftercare.patient.PatientService;
import org.aftercare.patient.PatientSummary;
import org.aftercare.report.ReportService;
import org.aftercare.report.EntryView;
import org.aftercare.report.ReportView;
import org.aftercare.report.ReportSubmitted;
import org.aftercare.report.Symptom;
import org.aftercare.security.ClinicId;
import org.aftercare.treatment.Area;
import org.aftercare.treatment.TreatmentId;
import org.aftercare.treatment.TreatmentService;
import org.aftercare.treatment.TreatmentSummary;
import org.aftercare.triage.rules.EntryFacts;
import org.aftercare.triage.rules.EpisodeHistory;
import org.aftercare.triage.rules.Evaluation;
import org.aftercare.triage.rules.Finding;
import org.aftercare.triage.rules.PatientFacts;
import org.aftercare.triage.rules.ReportFacts;
import org.aftercare.triage.rules.RuleCode;
import org.aftercare.triage.rules.RuleEngine;
import org.aftercare.triage.rules.RuleSettings;
import org.aftercare.triage.rules.TreatmentFacts;
import org.aftercare.security.CurrentUser;
import org.aftercare.security.CurrentUsers;
import org.aftercare.web.NotFoundException;

/**
 * Evaluates every report in the transaction that saves it (a report is never stored
 * without its evaluation), and keeps the flags: one open flag per patient, episode and
 * rule; new evidence is added to it; only a rise in priority alerts again; a resolved
 * flag met again opens a new one. Each report with a headache also keeps R6's record of
 * the episode's ongoing headache ({@link OngoingHeadaches}) for the clock.
 */
@Service
class Triage {

	private final RuleEngine engine = RuleEngine.standard();

	private final ReportService reports;

	private final PatientService patients;

	private final TreatmentService treatments;

	private final TriageSettingsService settings;

	private final FlagRepository flags;

	private final jakarta.persistence.EntityManager entityManager;

	private final OngoingHeadaches ongoingHeadaches;

	private final Clock clock;

	private final JdbcClient jdbc;

	Triage(ReportService reports, PatientService patients, TreatmentService treatments, TriageSettingsService settings,
			FlagRepository flags, OngoingHeadaches ongoingHeadaches, Clock clock,
			jakarta.persistence.EntityManager entityManager, JdbcClient jdbc) {
		this.jdbc = jdbc;
		this.ongoingHeadaches = ongoingHeadaches;
		this.entityManager = entityManager;
		this.reports = reports;
		this.patients = patients;
		this.treatments = treatments;
		this.settings = settings;
		this.flags = flags;
		this.clock = clock;
	}

	RuleEngine engine() {
		return this.engine;
	}

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(ReportSubmitted submitted) {
		// One report of an episode at a time: two at the same moment (a double submit,
		// two devices) would both update the episode's open flags (optimistic lock) or
		// both raise the same new one (its unique index). The second waits here for the
		// first to commit, then reads the episode with it. Plain JDBC on the
		// transaction's connection: as a Hibernate native query, the lock's void result
		// had Hibernate build (and drop) an exception on every submit.
		this.jdbc.sql("SELECT pg_advisory_xact_lock(hashtext(?))")
			.param("episode:" + submitted.treatmentId())
			.query((row) -> {
			});
		List<ReportView> episode = this.reports.episode(submitted.clinicId(), submitted.treatmentId());
		ReportView report = episode.stream()
			.filter((r) -> r.id().equals(submitted.reportId()))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("submitted report not in its episode"));
		List<EntryFacts> history = new ArrayList<>();
		for (ReportView earlier : episode) {
			if (!earlier.id().equals(report.id())) {
				earlier.entries().forEach((entry) -> history.add(facts(entry, earlier.submittedAt())));
			}
		}
		Instant now = this.clock.instant();
		Evaluation evaluation = new Evaluation(reportFacts(report), new EpisodeHistory(history),
				patientFacts(submitted.clinicId().value(), submitted.patientId().value()),
				treatmentFacts(submitted.clinicId().value(), submitted.treatmentId().value()),
				this.settings.ruleSettings(submitted.clinicId()), now);
		List<Flag> open = this.flags.findUnresolvedInEpisode(submitted.clinicId().value(),
				submitted.treatmentId().value());
		// Any report, "no new symptoms" included, answers the clinic's request for an
		// update (R13).
		for (Flag flag : open) {
			if (flag.awaitsPatient()) {
				this.entityManager.persist(new FlagAction(flag,
						CurrentUsers.current().map(CurrentUser::accountId).orElse(submitted.patientId().value()),
						"PATIENT_ANSWERED", report.id().toString(), now));
			}
			flag.patientUpdated(now);
		}
		apply(submitted.clinicId().value(), submitted.patientId().value(), submitted.treatmentId().value(),
				report.id().value(), this.engine.evaluate(evaluation), open, now);
		// R6 on the clock watches the episode's latest headache; a report without one
		// leaves it as it was (and costs the submit nothing).
		if (report.entries().stream().anyMatch((e) -> e.symptom() == Symptom.HEADACHE)) {
			latestHeadache(episode).ifPresent((latest) -> this.ongoingHeadaches.reported(submitted.clinicId().value(),
					submitted.patientId().value(), submitted.treatmentId().value(), latest));
		}
	}

	/** The episode's latest headache entry, in the order its reports are read. */
	static Optional<EntryFacts> latestHeadache(List<ReportView> episode) {
		for (int r = episode.size() - 1; r >= 0; r--) {
			ReportView report = episode.get(r);
			for (int e = report.entries().size() - 1; e >= 0; e--) {
				EntryView entry = report.entries().get(e);
				if (entry.symptom() == Symptom.HEADACHE) {
					return Optional.of(facts(entry, report.submittedAt()));
				}
			}
		}
		return Optional.empty();
	}

	/**
	 * Stores findings as flags (new, or evidence on the open one); each new flag and each
	 * rise in priority alerts, through the flag's events, published as it is saved.
	 */
	void apply(UUID clinicId, UUID patientId, UUID treatmentId, UUID reportId, List<Finding> findings, List<Flag> open,
			Instant now) {
		// Evidence is persisted: saved through a repository, an entity with an id of its
		// own and no version is merged, a SELECT by id before each INSERT
		// (SubmitWritesOnlyTests). A flag says itself whether it is new.
		Map<RuleCode, Flag> openByRule = open.stream().collect(Collectors.toMap(Flag::ruleCode, Function.identity()));
		Map<Flag, Finding> met = new java.util.LinkedHashMap<>();
		boolean created = false;
		for (Finding finding : findings) {
			Flag flag = openByRule.get(finding.rule());
			if (flag == null) {
				flag = new Flag(clinicId, patientId, treatmentId, finding, reportId, now);
				created = true;
			}
			else {
				flag.addEvidence(finding, reportId, now);
			}
			// Saved through the repository, new or not: its save publishes the flag's
			// alert, if any.
			this.flags.save(flag);
			met.put(flag, finding);
		}
		if (created) {
			// Evidence refers to its flag by id only, so Hibernate's insert ordering
			// cannot see that a new flag
			// must be written first: write the flags, then their evidence.
			this.entityManager.flush();
		}
		met.forEach((flag, finding) -> this.entityManager.persist(new FlagEvidence(flag, finding, reportId, now)));
	}

	RuleSettings settingsFor(UUID clinicId) {
		return this.settings.ruleSettings(new ClinicId(clinicId));
	}

	PatientFacts patientFacts(UUID clinicId, UUID patientId) {
		PatientSummary patient = this.patients.find(new ClinicId(clinicId), new PatientId(patientId))
			.orElseThrow(() -> new NotFoundException("patient"));
		var intake = patient.intake();
		return new PatientFacts(intake.hypertension(), intake.migraineHistory(), intake.baselineHeadacheDays(),
				intake.neuromuscularDisease(), intake.toxinInLast4Months(), intake.recentAminoglycosides());
	}

	TreatmentFacts treatmentFacts(UUID clinicId, UUID treatmentId) {
		TreatmentSummary treatment = this.treatments.find(new ClinicId(clinicId), new TreatmentId(treatmentId))
			.orElseThrow(() -> new NotFoundException("treatment"));
		return new TreatmentFacts(treatment.treatedAt(), treatment.includes(Area.BUNNY_LINES),
				treatment.product().name());
	}

	static ReportFacts reportFacts(ReportView report) {
		return new ReportFacts(report.entries().stream().map((e) -> facts(e, report.submittedAt())).toList(),
				report.otherCauses(), report.wentToEmergency(), report.admittedToHospital(), report.submittedAt());
	}

	static EntryFacts facts(EntryView entry, Instant reportedAt) {
		return new EntryFacts(entry.symptom(), entry.severity(), entry.interference(), entry.startedAt(),
				entry.ongoing(), entry.stoppedAt(), entry.otherDescription(),
				Boolean.TRUE.equals(entry.suddenWorstEver()), Boolean.TRUE.equals(entry.feverOrStiffNeck()),
				Boolean.TRUE.equals(entry.neurologicalSigns()), reportedAt);
	}

}
