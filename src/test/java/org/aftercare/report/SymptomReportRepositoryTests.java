package org.aftercare.report;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.EntityManager;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.support.TransactionTemplate;

import org.aftercare.AftercareTest;
import org.aftercare.TestFixtures;
import org.aftercare.TestFixtures.World;
import org.aftercare.security.ClinicId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The report aggregate on the embedded PostgreSQL: entries in order, updates linked to
 * what they update, the schema's own guards.
 */
@AftercareTest
class SymptomReportRepositoryTests {

	@Autowired
	SymptomReportRepository repository;

	@Autowired
	TestFixtures fixtures;

	@Autowired
	EntityManager entityManager;

	@Autowired
	ReportService reports;

	@Autowired
	TransactionTemplate transactions;

	World world;

	Instant treatedAt;

	@BeforeEach
	void setUp() {
		this.treatedAt = Instant.now().minus(Duration.ofDays(4));
		this.world = this.fixtures.world(this.treatedAt);
	}

	@Test
	void savesAReportWithItsEntriesInOrderAndReadsThemBack() {
		SymptomReport saved = save(
				List.of(entry(Symptom.HEADACHE, 6, this.treatedAt.minus(Duration.ofDays(1)), null),
						entry(Symptom.BRUISING, 2, this.treatedAt.plus(Duration.ofHours(1)), null)),
				EnumSet.of(Confounder.STRESS, Confounder.ALCOHOL));
		ReportView view = this.transactions
			.execute((tx) -> this.repository.findByIdAndClinicIdAndPatientId(saved.id(), this.world.clinicId(),
					this.world.patient().patientId()))
			.orElseThrow()
			.view();
		assertThat(view.entries()).extracting(EntryView::symptom).containsExactly(Symptom.HEADACHE, Symptom.BRUISING);
		assertThat(view.entries()).extracting(EntryView::preExisting).containsExactly(true, false);
		assertThat(view.entries().get(0).suddenWorstEver()).isFalse();
		assertThat(view.entries().get(1).suddenWorstEver()).isNull();
		assertThat(view.otherCauses()).containsExactlyInAnyOrder(Confounder.STRESS, Confounder.ALCOHOL);
		assertThat(view.noNewSymptoms()).isFalse();
	}

	@Test
	void anUpdateIsANewEntryLinkedToTheOneItUpdatesWhichStaysAsItWas() {
		SymptomReport first = save(List.of(entry(Symptom.BRUISING, 5, this.treatedAt, null)), Set.of());
		UUID original = first.view().entries().get(0).id();
		save(List.of(entry(Symptom.BRUISING, 2, this.treatedAt, original)), Set.of());
		List<ReportView> episode = episodeFromEntities();
		assertThat(episode).hasSize(2);
		assertThat(episode.get(0).entries().get(0).severity()).isEqualTo(5);
		assertThat(episode.get(0).entries().get(0).updatesEntryId()).isNull();
		assertThat(episode.get(1).entries().get(0).severity()).isEqualTo(2);
		assertThat(episode.get(1).entries().get(0).updatesEntryId()).isEqualTo(original);
		Long own = this.transactions.execute((tx) -> this.repository.countEntries(Set.of(original),
				this.world.clinicId(), this.world.patient().patientId()));
		assertThat(own).isEqualTo(1L);
		World other = this.fixtures.world(this.treatedAt);
		java.util.Optional<SymptomEntry> elsewhere = this.transactions
			.execute((tx) -> this.repository.findEntry(original, other.clinicId(), other.patient().patientId()));
		assertThat(elsewhere).isEmpty();
	}

	@Test
	void anUpdateOfAnEntryThatDoesNotExistIsRefusedByTheSchema() {
		assertThatExceptionOfType(DataIntegrityViolationException.class)
			.isThrownBy(() -> save(List.of(entry(Symptom.BRUISING, 2, this.treatedAt, UUID.randomUUID())), Set.of()));
	}

	@Test
	void aCheckInIsAReportWithoutEntries() {
		SymptomReport saved = save(List.of(), Set.of());
		assertThat(saved.view().noNewSymptoms()).isTrue();
		assertThat(saved.view().entries()).isEmpty();
	}

	@Test
	void theEpisodeReadStraightIntoViewsIsWhatTheEntitiesGive() {
		SymptomReport first = save(
				List.of(entry(Symptom.HEADACHE, 4, this.treatedAt.minus(Duration.ofDays(1)), null),
						entry(Symptom.BRUISING, 2, this.treatedAt, null)),
				Set.of(Confounder.STRESS, Confounder.ALCOHOL));
		UUID headache = first.view().entries().get(0).id();
		save(List.of(), Set.of());
		NewReport full = new NewReport(this.world.clinic(), this.world.patientId(), UUID.randomUUID(),
				List.of(new NewEntry(Symptom.OTHER, "tingling", null, null, this.treatedAt, false,
						this.treatedAt.plus(Duration.ofHours(3)), null, null, null, null),
						entry(Symptom.HEADACHE, 7, this.treatedAt, headache)),
				Set.of(Confounder.POOR_SLEEP), "paracetamol", MedicinesHelped.PARTLY, true, false, "worse at night");
		this.transactions.executeWithoutResult(
				(tx) -> persist(new SymptomReport(full, this.world.treatmentId(), this.treatedAt, Instant.now())));
		List<ReportView> entities = episodeFromEntities();
		assertThat(entities).hasSize(3);
		assertThat(this.reports.episode(this.world.clinic(), this.world.treatment())).isEqualTo(entities);
		assertThat(this.reports.episode(new ClinicId(this.fixtures.world(this.treatedAt).clinicId()),
				this.world.treatment()))
			.isEmpty();
	}

	@Test
	void theEpisodeHoldsAReportSavedEarlierInTheSameTransaction() {
		List<ReportView> episode = this.transactions.execute((tx) -> {
			persist(new SymptomReport(new NewReport(this.world.clinic(), this.world.patientId(), UUID.randomUUID(),
					List.of(entry(Symptom.BRUISING, 3, this.treatedAt, null)), Set.of(), null, null, false, false,
					null), this.world.treatmentId(), this.treatedAt, Instant.now()));
			return this.reports.episode(this.world.clinic(), this.world.treatment());
		});
		assertThat(episode).hasSize(1);
		assertThat(episode.get(0).entries()).extracting(EntryView::severity).containsExactly(3);
	}

	@Test
	void theEpisodeFlushesOnlyInATransactionThatWrites() {
		save(List.of(entry(Symptom.BRUISING, 3, this.treatedAt, null)), Set.of());
		Statistics statistics = this.entityManager.getEntityManagerFactory()
			.unwrap(SessionFactory.class)
			.getStatistics();
		statistics.setStatisticsEnabled(true);
		try {
			// On the recovery page, a read-only transaction holding up to 200
			// reports, checking them all for changes was a tenth of the page.
			TransactionTemplate readOnly = new TransactionTemplate(this.transactions.getTransactionManager());
			readOnly.setReadOnly(true);
			statistics.clear();
			readOnly.executeWithoutResult((tx) -> {
				assertThat(episodeEntities()).hasSize(1);
				assertThat(this.reports.episode(this.world.clinic(), this.world.treatment())).hasSize(1);
			});
			assertThat(statistics.getFlushCount()).isZero();
			// The submit's triage must see the report it has just saved.
			statistics.clear();
			this.transactions.executeWithoutResult((tx) -> {
				assertThat(episodeEntities()).hasSize(1);
				assertThat(this.reports.episode(this.world.clinic(), this.world.treatment())).hasSize(1);
			});
			assertThat(statistics.getFlushCount()).isPositive();
		}
		finally {
			statistics.setStatisticsEnabled(false);
		}
	}

	/** The episode's reports as entities, held by the caller's persistence context. */
	private List<SymptomReport> episodeEntities() {
		return this.repository.findByClinicIdAndTreatmentIdOrderBySubmittedAtAsc(this.world.clinicId(),
				this.world.treatmentId());
	}

	/** As ReportService.submit saves a report. */
	private SymptomReport persist(SymptomReport report) {
		this.entityManager.persist(report);
		return report;
	}

	/** The episode as the entities give it, with the repository's fetch join. */
	private List<ReportView> episodeFromEntities() {
		return this.transactions.execute((tx) -> episodeEntities().stream().map(SymptomReport::view).toList());
	}

	private SymptomReport save(List<NewEntry> entries, Set<Confounder> causes) {
		NewReport report = new NewReport(this.world.clinic(), this.world.patientId(), UUID.randomUUID(), entries,
				causes, null, null, false, false, null);
		return this.transactions.execute(
				(tx) -> persist(new SymptomReport(report, this.world.treatmentId(), this.treatedAt, Instant.now())));
	}

	private static NewEntry entry(Symptom symptom, int severity, Instant started, UUID updates) {
		boolean headache = symptom == Symptom.HEADACHE;
		return new NewEntry(symptom, null, severity, 0, started, true, null, headache ? false : null,
				headache ? false : null, headache ? false : null, updates);
	}

}
