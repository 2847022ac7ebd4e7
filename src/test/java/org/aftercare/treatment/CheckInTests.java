package org.aftercare.treatment;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import org.aftercare.AftercareTest;
import org.aftercare.MutableClock;
import org.aftercare.TestFixtures;
import org.aftercare.TestFixtures.World;
import org.aftercare.account.AccountId;
import org.aftercare.security.ClinicId;
import org.aftercare.treatment.CheckInRow;
import org.aftercare.treatment.DueCheckIn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@AftercareTest
class CheckInTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestFixtures fixtures;

	@Autowired
	TreatmentService treatments;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	World world;

	/** Treated a minute ago: all five default check-ins are ahead. */
	Instant treatedAt;

	@BeforeEach
	void setUp() {
		this.treatedAt = Instant.now().minus(Duration.ofMinutes(1)).truncatedTo(ChronoUnit.SECONDS);
		this.world = this.fixtures.world(this.treatedAt);
	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void anAnswerMarksOnlyTheCheckInsAlreadyDue() {
		Instant dayOneAndAHalf = this.treatedAt.plus(Duration.ofHours(36));
		UUID report = UUID.randomUUID();
		assertThat(this.treatments.recordAnswer(this.world.clinic(), this.world.treatment(), dayOneAndAHalf, report))
			.isEqualTo(2);
		List<CheckInRow> rows = this.treatments.checkIns(this.world.clinic(), this.world.treatment());
		assertThat(rows).extracting(CheckInRow::offsetLabel)
			.containsExactly("PT2H", "PT24H", "PT72H", "PT168H", "PT336H");
		assertThat(rows).extracting(CheckInRow::answerReportId).containsExactly(report, report, null, null, null);
		assertThat(rows.get(0).answeredAt()).isEqualTo(dayOneAndAHalf);
		// A later report answers the next one only; the earlier answers stay.
		UUID later = UUID.randomUUID();
		this.treatments.recordAnswer(this.world.clinic(), this.world.treatment(),
				this.treatedAt.plus(Duration.ofDays(4)), later);
		assertThat(this.treatments.checkIns(this.world.clinic(), this.world.treatment()))
			.extracting(CheckInRow::answerReportId)
			.containsExactly(report, report, later, null, null);
		assertThat(rows.get(2).unanswered(this.treatedAt.plus(Duration.ofDays(4)))).isTrue();
		assertThat(rows.get(3).unanswered(this.treatedAt.plus(Duration.ofDays(4)))).isFalse();
	}

	@Test
	void anotherClinicCannotAnswerOrRemind() {
		World other = this.fixtures.world(this.treatedAt);
		Instant later = this.treatedAt.plus(Duration.ofDays(20));
		assertThat(this.treatments.recordAnswer(new ClinicId(other.clinicId()), this.world.treatment(), later,
				UUID.randomUUID()))
			.isZero();
		CheckInRow first = this.treatments.checkIns(this.world.clinic(), this.world.treatment()).get(0);
		this.treatments.markReminded(new ClinicId(other.clinicId()), first.id(), later);
		assertThat(this.treatments.checkIns(this.world.clinic(), this.world.treatment()))
			.allSatisfy((row) -> assertThat(row.answeredAt()).isNull())
			.allSatisfy((row) -> assertThat(row.remindedAt()).isNull());
		assertThat(this.treatments.checkIns(new ClinicId(other.clinicId()), this.world.treatment())).isEmpty();
	}

	@Test
	void dueCheckInsAreTheUnremindedUnansweredOnesOldestFirstWithinTheLimit() {
		World second = this.fixtures.world(this.treatedAt.plus(Duration.ofMinutes(30)));
		Set<UUID> ours = Set.of(this.world.clinicId(), second.clinicId());
		Instant dayTwo = this.treatedAt.plus(Duration.ofDays(2));
		List<DueCheckIn> due = this.treatments.dueCheckIns(dayTwo, 100_000);
		assertThat(due).extracting(DueCheckIn::dueAt)
			.isSorted()
			.allSatisfy((at) -> assertThat(at).isBeforeOrEqualTo(dayTwo));
		List<DueCheckIn> mine = due.stream().filter((c) -> ours.contains(c.clinicId().value())).toList();
		assertThat(mine).extracting((c) -> c.clinicId().value())
			.containsExactly(this.world.clinicId(), second.clinicId(), this.world.clinicId(), second.clinicId());
		assertThat(mine).extracting(DueCheckIn::offset)
			.containsExactly(Duration.ofHours(2), Duration.ofHours(2), Duration.ofDays(1), Duration.ofDays(1));
		assertThat(mine.get(0).treatmentId().value()).isEqualTo(this.world.treatmentId());
		assertThat(mine.get(0).patientId().value()).isEqualTo(this.world.patient().patientId());
		assertThat(this.treatments.dueCheckIns(dayTwo, 2)).hasSize(2).isEqualTo(due.subList(0, 2));

		// Reminded or answered: no longer due.
		this.treatments.markReminded(this.world.clinic(), mine.get(0).id(), dayTwo);
		this.treatments.markReminded(this.world.clinic(), mine.get(0).id(), dayTwo.plusSeconds(60));
		this.treatments.recordAnswer(new ClinicId(second.clinicId()), new TreatmentId(second.treatmentId()), dayTwo,
				UUID.randomUUID());
		List<DueCheckIn> after = this.treatments.dueCheckIns(dayTwo, 100_000)
			.stream()
			.filter((c) -> ours.contains(c.clinicId().value()))
			.toList();
		assertThat(after).extracting(DueCheckIn::id).containsExactly(mine.get(2).id());
		assertThat(this.treatments.checkIns(this.world.clinic(), this.world.treatment()).get(0).remindedAt())
			.isEqualTo(dayTwo);
	}

	@Test
	void aCheckInFromThePatientAnswersTheDueCheckInsAndTheClinicianSeesTheRestUnanswered() throws Exception {
		this.clock.advance(Duration.ofHours(3));
		this.mvc
			.perform(post("/me/check-in").with(user(this.world.patient()))
				.with(csrf())
				.param("formToken", UUID.randomUUID().toString()))
			.andExpect(status().is3xxRedirection());
		List<CheckInRow> rows = this.treatments.checkIns(this.world.clinic(), this.world.treatment());
		assertThat(rows.get(0).answerReportId()).isNotNull();
		assertThat(rows.subList(1, 5)).allSatisfy((row) -> assertThat(row.answeredAt()).isNull());
		this.clock.advance(Duration.ofDays(1));
		this.mvc.perform(get("/clinician/treatments/" + this.world.treatmentId()).with(user(this.world.clinician())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Answered ")))
			// The answer links to the report the check-in made.
			.andExpect(content()
				.string(containsString("href=\"/clinician/reports/" + rows.get(0).answerReportId() + "\">Answered ")))
			.andExpect(content().string(containsString("class=\"unanswered\">Unanswered<")))
			.andExpect(content().string(containsString("Not due yet")));
	}

	@Test
	void recordingATreatmentDirectlyAlsoSchedulesItsCheckIns() {
		UUID treatment = this.treatments
			.record(this.world.clinic(),
					new NewTreatment(this.world.patientId(), Product.OTHER, null,
							new AccountId(this.world.clinician().accountId()), Instant.now(), Indication.MEDICAL, true,
							List.of(new AreaUnits(Area.MASSETER, new BigDecimal("30")))))
			.value();
		assertThat(this.treatments.checkIns(this.world.clinic(), new TreatmentId(treatment))).hasSize(5);
	}

}
