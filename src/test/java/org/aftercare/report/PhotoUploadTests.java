package org.aftercare.report;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;

import org.aftercare.AftercareTest;
import org.aftercare.MutableClock;
import org.aftercare.TestFixtures;
import org.aftercare.TestFixtures.World;
import org.aftercare.patient.Intake;
import org.aftercare.patient.PatientService;
import org.aftercare.security.CurrentUser;
import org.aftercare.security.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Photos with a report, from the patient's form to the clinician's flag page: what is
 * kept of them, who may see them, and the submit's no-loss guarantee (no report without
 * its accepted photos, nothing typed or accepted lost when the form comes back, no second
 * report or photo from a second send, no photo left behind by a form never sent).
 */
@AftercareTest
class PhotoUploadTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestFixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	StagedPhotoCleanup cleanup;

	@Autowired
	PhotoStore store;

	@Autowired
	ReportService reports;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	PatientService patients;

	private World world;

	@BeforeEach
	void treatedPatient() {
		this.world = this.fixtures.world(Instant.now().minus(Duration.ofDays(2)));
	}

	@Test
	void aReportSentWithAPhotoKeepsItWithoutItsGpsAndTheClinicianSeesItBesideTheFlag() throws Exception {
		byte[] upload = TestPhotos.withExif(TestPhotos.jpeg(640, 480), 1, null);
		UUID reportId = sent(this.mvc
			.perform(severeBruising(UUID.randomUUID())
				.buildWithPhotos(TestPhotos.upload("IMG_0001.jpg", "image/jpeg", upload)))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse());

		Map<String, Object> row = this.jdbc
			.sql("SELECT id, report_id, patient_id, width, height, content_type FROM report_photo WHERE clinic_id = ?")
			.param(this.world.clinicId())
			.query()
			.singleRow();
		UUID photoId = (UUID) row.get("id");
		assertThat(row).containsEntry("report_id", reportId)
			.containsEntry("patient_id", this.world.patient().patientId())
			.containsEntry("width", 640)
			.containsEntry("height", 480)
			.containsEntry("content_type", "image/jpeg");
		byte[] stored = this.jdbc.sql("SELECT image FROM report_photo WHERE id = ?")
			.param(photoId)
			.query(byte[].class)
			.single();
		assertThat(TestPhotos.app1Segments(stored)).as("EXIF in the stored photo").isZero();
		assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain(TestPhotos.MAKER);

		UUID flagId = this.jdbc.sql("SELECT id FROM flag WHERE clinic_id = ? AND patient_id = ?")
			.params(this.world.clinicId(), this.world.patient().patientId())
			.query(UUID.class)
			.single();
		this.mvc.perform(get("/clinician/flags/" + flagId).with(user(this.world.clinician())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"flag-photos\"")))
			.andExpect(content().string(containsString("/clinician/photos/" + photoId + "/thumbnail")))
			.andExpect(content().string(containsString("href=\"/clinician/photos/" + photoId + "\"")))
			.andExpect(content().string(containsString("href=\"/clinician/reports/" + reportId + "\"")));
		this.mvc
			.perform(get("/clinician/patients/" + this.world.patient().patientId()).with(user(this.world.clinician())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/clinician/photos/" + photoId + "/thumbnail")));
		this.mvc.perform(get("/clinician/reports/" + reportId).with(user(this.world.clinician())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"report-photos\"")))
			.andExpect(content().string(containsString("/clinician/photos/" + photoId + "/thumbnail")));
		this.mvc.perform(get("/me").with(user(this.world.patient())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/me/photos/" + photoId + "/thumbnail")));

		assertThat(audited("PHOTO_VIEWED")).isZero();
		MockHttpServletResponse full = this.mvc
			.perform(get("/clinician/photos/" + photoId).with(user(this.world.clinician())))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "image/jpeg"))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(header().string("Cache-Control", containsString("no-store")))
			.andExpect(header().string("Content-Disposition", "inline; filename=\"photo-" + photoId + ".jpg\""))
			.andReturn()
			.getResponse();
		assertThat(TestPhotos.read(full.getContentAsByteArray()).getWidth()).isEqualTo(640);
		assertThat(TestPhotos.app1Segments(full.getContentAsByteArray())).isZero();
		assertThat(audited("PHOTO_VIEWED")).as("the full-size view is audited").isOne();

		this.mvc.perform(get("/clinician/photos/" + photoId + "/thumbnail").with(user(this.world.clinician())))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "image/jpeg"))
			.andExpect(header().string("Cache-Control", containsString("no-store")))
			.andExpect(header().string("Content-Disposition", containsString("inline")));
		assertThat(audited("PHOTO_VIEWED")).as("a thumbnail is covered by its page's row").isOne();
		this.mvc.perform(get("/me/photos/" + photoId).with(user(this.world.patient())))
			.andExpect(status().isOk())
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(header().string("Cache-Control", containsString("no-store")));
	}

	@Test
	void aWrongFieldKeepsTheAcceptedPhotoOnTheFormAndTheNextSendAttachesIt() throws Exception {
		UUID token = UUID.randomUUID();
		String page = this.mvc
			.perform(ReportRequests.report(this.world.patient(), token)
				.entry(Symptom.BRUISING, "severity", null)
				.with("notes", "typed before the mistake")
				.buildWithPhotos(TestPhotos.upload("bruise.jpg", "image/jpeg", TestPhotos.jpeg(300, 200))))
			.andExpect(status().isUnprocessableContent())
			.andReturn()
			.getResponse()
			.getContentAsString();
		UUID staged = onlyPhoto();
		assertThat(page).contains("typed before the mistake")
			.contains("name=\"stagedPhotos\" value=\"" + staged + "\"")
			.contains("/me/photos/" + staged + "/thumbnail")
			.contains("name=\"removePhotos\"");
		assertThat(reportsOf(token)).isZero();
		assertThat(reportOf(staged)).as("staged, not attached").isNull();
		// The thumbnail the form shows is the patient's to see.
		this.mvc.perform(get("/me/photos/" + staged + "/thumbnail").with(user(this.world.patient())))
			.andExpect(status().isOk());

		UUID reportId = sent(this.mvc
			.perform(ReportRequests.report(this.world.patient(), token)
				.entry(Symptom.BRUISING)
				.with("stagedPhotos", staged.toString())
				.buildWithPhotos())
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse());
		assertThat(reportOf(staged)).isEqualTo(reportId);
		assertThat(photoCount()).isOne();
	}

	@Test
	void aPhotoThatIsNoImageIsRefusedBesideTheFieldWithTheRestOfTheReportKept() throws Exception {
		UUID token = UUID.randomUUID();
		String page = this.mvc
			.perform(ReportRequests.report(this.world.patient(), token)
				.entry(Symptom.SWELLING)
				.with("notes", "my cheek is swollen")
				.buildWithPhotos(TestPhotos.upload("cheek.jpg", "image/jpeg", TestPhotos.jpeg(300, 200)),
						TestPhotos.upload("swelling.jpg", "image/jpeg",
								"%PDF-1.4 not a picture".getBytes(StandardCharsets.UTF_8))))
			.andExpect(status().isUnprocessableContent())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("&quot;swelling.jpg&quot; could not be read as a photo")
			.contains("id=\"photos-error\"")
			.contains("my cheek is swollen")
			.contains("Some answers need another look");
		assertThat(reportsOf(token)).as("no report without its photos").isZero();
		UUID kept = onlyPhoto();
		assertThat(page).contains("name=\"stagedPhotos\" value=\"" + kept + "\"");
	}

	@Test
	void eachRefusalIsNamedBesideTheField() throws Exception {
		Map<MockMultipartFile, String> refusals = Map.of(
				TestPhotos.upload("half.jpg", "image/jpeg", TestPhotos.truncated(TestPhotos.jpeg(400, 300))),
				"&quot;half.jpg&quot; could not be read as a photo",
				TestPhotos.upload("bomb.png", "image/png", TestPhotos.pngBomb(20_000, 20_000)),
				"&quot;bomb.png&quot; has more than 50 megapixels",
				TestPhotos.upload("huge.jpg", "image/jpeg", new byte[(int) PhotoImages.MAX_UPLOAD_BYTES + 1]),
				"&quot;huge.jpg&quot; is larger than 10 MB",
				TestPhotos.upload("moving.gif", "image/gif", TestPhotos.gif(40, 30)),
				"&quot;moving.gif&quot; is a kind of picture we cannot take");
		for (Map.Entry<MockMultipartFile, String> refusal : refusals.entrySet()) {
			UUID token = UUID.randomUUID();
			this.mvc
				.perform(ReportRequests.report(this.world.patient(), token)
					.entry(Symptom.REDNESS)
					.buildWithPhotos(refusal.getKey()))
				.andExpect(status().isUnprocessableContent())
				.andExpect(content().string(containsString(refusal.getValue())));
			assertThat(reportsOf(token)).isZero();
		}
		assertThat(photoCount()).isZero();
	}

	@Test
	void moreThanThreePhotosAreRefusedAndNoneIsKept() throws Exception {
		UUID token = UUID.randomUUID();
		MockMultipartFile[] four = new MockMultipartFile[4];
		for (int i = 0; i < four.length; i++) {
			four[i] = TestPhotos.upload("p" + i + ".jpg", "image/jpeg", TestPhotos.jpeg(100, 80));
		}
		this.mvc
			.perform(ReportRequests.report(this.world.patient(), token).entry(Symptom.REDNESS).buildWithPhotos(four))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("You can attach at most 3 photos: you chose 4")));
		assertThat(photoCount()).isZero();

		// Two kept from an earlier send, and two more chosen now.
		this.mvc
			.perform(ReportRequests.report(this.world.patient(), token)
				.entry(Symptom.REDNESS)
				.with("addPhotos", "true")
				.buildWithPhotos(four[0], four[1]))
			.andExpect(status().isOk());
		List<UUID> staged = photos();
		assertThat(staged).hasSize(2);
		this.mvc
			.perform(ReportRequests.report(this.world.patient(), token)
				.entry(Symptom.REDNESS)
				.with("stagedPhotos", staged.get(0) + "|" + staged.get(1))
				.buildWithPhotos(four[2], four[3]))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("you chose 2 while this form already holds 2")));
		assertThat(reportsOf(token)).isZero();
		assertThat(photoCount()).isEqualTo(2);
	}

	@Test
	void aSecondSendOfTheSameFormMakesNoSecondReportAndNoSecondPhoto() throws Exception {
		UUID token = UUID.randomUUID();
		MockMultipartFile photo = TestPhotos.upload("a.jpg", "image/jpeg", TestPhotos.jpeg(200, 100));
		UUID first = sent(this.mvc.perform(severeBruising(token).buildWithPhotos(photo))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse());
		UUID second = sent(this.mvc.perform(severeBruising(token).buildWithPhotos(photo))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse());
		assertThat(second).isEqualTo(first);
		assertThat(reportsOf(token)).isOne();
		assertThat(photoCount()).isOne();
	}

	@Test
	void addThesePhotosKeepsThemOnTheFormAndRemoveTakesOneOff() throws Exception {
		UUID token = UUID.randomUUID();
		this.mvc
			.perform(ReportRequests.report(this.world.patient(), token)
				.entry(Symptom.ASYMMETRY)
				.with("addPhotos", "true")
				.buildWithPhotos(TestPhotos.upload("left.jpg", "image/jpeg", TestPhotos.jpeg(120, 90)),
						TestPhotos.upload("right.webp", "image/webp", TestPhotos.webp())))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("photos-error"))));
		assertThat(reportsOf(token)).as("nothing sent yet").isZero();
		List<UUID> staged = photos();
		assertThat(staged).hasSize(2);

		UUID reportId = sent(this.mvc
			.perform(ReportRequests.report(this.world.patient(), token)
				.entry(Symptom.ASYMMETRY)
				.with("stagedPhotos", staged.get(0) + "|" + staged.get(1))
				.with("removePhotos", staged.get(1).toString())
				.buildWithPhotos())
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse());
		assertThat(photos()).containsExactly(staged.get(0));
		assertThat(reportOf(staged.get(0))).isEqualTo(reportId);
	}

	@Test
	void stagedPhotosNeverSentAreDeletedAfterSixHoursAndSentOnesStay() throws Exception {
		UUID sentReport = sent(this.mvc
			.perform(severeBruising(UUID.randomUUID())
				.buildWithPhotos(TestPhotos.upload("kept.jpg", "image/jpeg", TestPhotos.jpeg(100, 80))))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse());
		try {
			stage(UUID.randomUUID());
			UUID old = this.jdbc
				.sql("SELECT id FROM report_photo WHERE clinic_id = ? AND report_id IS NULL ORDER BY uploaded_at")
				.param(this.world.clinicId())
				.query(UUID.class)
				.single();
			this.clock.advance(Duration.ofHours(6).plusMinutes(1));
			stage(UUID.randomUUID());
			assertThat(this.cleanup.deleteExpired()).isPositive();
			List<Map<String, Object>> left = this.jdbc
				.sql("SELECT id, report_id FROM report_photo WHERE clinic_id = ? ORDER BY uploaded_at")
				.param(this.world.clinicId())
				.query()
				.listOfRows();
			assertThat(left).hasSize(2).noneMatch((r) -> old.equals(r.get("id")));
			assertThat(left.get(0).get("report_id")).isEqualTo(sentReport);
			assertThat(left.get(1).get("report_id")).as("staged a minute ago").isNull();
		}
		finally {
			this.clock.reset();
		}
	}

	@Test
	void photosAreServedToThePatientAndTheirClinicsCliniciansOnly() throws Exception {
		UUID photo = sendOnePhoto();
		UUID stagedToken = UUID.randomUUID();
		stage(stagedToken);
		UUID staged = this.jdbc.sql("SELECT id FROM report_photo WHERE form_token = ?")
			.param(stagedToken)
			.query(UUID.class)
			.single();
		World otherClinic = this.fixtures.world(Instant.now().minus(Duration.ofDays(2)));

		for (String suffix : List.of("", "/thumbnail")) {
			this.mvc.perform(get("/me/photos/" + photo + suffix).with(user(otherClinic.patient())))
				.andExpect(status().isNotFound());
			this.mvc.perform(get("/clinician/photos/" + photo + suffix).with(user(otherClinic.clinician())))
				.andExpect(status().isNotFound());
			// A photo on a form not yet sent is the patient's alone.
			this.mvc.perform(get("/clinician/photos/" + staged + suffix).with(user(this.world.clinician())))
				.andExpect(status().isNotFound());
			this.mvc.perform(get("/clinician/photos/" + photo + suffix).with(user(this.world.patient())))
				.andExpect(status().isForbidden());
			this.mvc.perform(get("/me/photos/" + photo + suffix).with(user(this.world.clinician())))
				.andExpect(status().isForbidden());
			this.mvc.perform(get("/clinician/photos/" + photo + suffix).with(user(this.world.clinician())))
				.andExpect(status().isOk());
			this.mvc.perform(get("/me/photos/" + photo + suffix).with(user(this.world.patient())))
				.andExpect(status().isOk());
		}
		assertThat(audited("PHOTO_VIEWED")).isOne();
	}

	@Test
	void aPatientOfTheSameClinicGetsNoOtherPatientsPhoto() throws Exception {
		UUID photo = sendOnePhoto();
		String email = "neighbour-" + UUID.randomUUID() + "@test.aftercare";
		UUID neighbourId = this.patients
			.enrol(this.world.clinic(),
					new Intake("Neigh", "Bour", LocalDate.of(1970, 5, 5), email, null, false, false, null, false, false,
							false, false, false, false, false, false, false, null, null))
			.value();
		CurrentUser neighbour = new CurrentUser(UUID.randomUUID(), this.world.clinicId(), neighbourId, email,
				"Neigh Bour", Role.PATIENT, "Europe/London", null, true);
		this.mvc.perform(get("/me/photos/" + photo).with(user(neighbour))).andExpect(status().isNotFound());
		this.mvc.perform(get("/me/photos/" + photo + "/thumbnail").with(user(neighbour)))
			.andExpect(status().isNotFound());
	}

	@Test
	void anUpdateCarriesItsPhotos() throws Exception {
		UUID original = this.reports.submit(NewReport.of(
				this.world.clinic(), this.world.patientId(), UUID.randomUUID(), List.of(new NewEntry(Symptom.BRUISING,
						null, 4, 1, Instant.now().minus(Duration.ofHours(20)), true, null, null, null, null, null)),
				null))
			.value();
		UUID entry = this.jdbc.sql("SELECT id FROM symptom_entry WHERE report_id = ?")
			.param(original)
			.query(UUID.class)
			.single();
		UUID token = UUID.randomUUID();
		String location = this.mvc
			.perform(multipart("/me/entries/" + entry + "/update")
				.file(TestPhotos.upload("today.jpg", "image/jpeg", TestPhotos.jpeg(160, 120)))
				.param("formToken", token.toString())
				.param("severity", "3")
				.param("ongoing", "true")
				.with(user(this.world.patient()))
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		UUID update = this.jdbc.sql("SELECT id FROM symptom_report WHERE form_token = ?")
			.param(token)
			.query(UUID.class)
			.single();
		assertThat(location).contains(update.toString());
		assertThat(reportOf(onlyPhoto())).isEqualTo(update);
	}

	@Test
	void aReportWithoutPhotosIsSavedAsBeforeAndTheFormOffersThePhotoField() throws Exception {
		this.mvc.perform(get("/me/reports/new").with(user(this.world.patient())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("enctype=\"multipart/form-data\"")))
			.andExpect(content().string(containsString("type=\"file\" id=\"photos\" name=\"photos\"")))
			.andExpect(content().string(containsString("accept=\"image/jpeg,image/png,image/webp\"")));
		UUID token = UUID.randomUUID();
		this.mvc.perform(ReportRequests.report(this.world.patient(), token).entry(Symptom.REDNESS).build())
			.andExpect(status().is3xxRedirection());
		assertThat(reportsOf(token)).isOne();
		assertThat(photoCount()).isZero();
	}

	/**
	 * Photos are decoded in turns (one at a time by default): a photo that cannot get a
	 * turn within the wait is refused as "busy" rather than piling decodes up in the
	 * heap; once a turn is free, it goes through.
	 */
	@Test
	void aPhotoWaitsForItsTurnToBeDecodedAndIsRefusedAsBusyWhenNoneComes() throws Exception {
		PhotoUploads uploads = new PhotoUploads(this.store, this.reports, null, this.transactions, Clock.systemUTC(), 1,
				Duration.ofMillis(200));
		MockMultipartFile photo = TestPhotos.upload("a.jpg", "image/jpeg", TestPhotos.jpeg(200, 100));
		assertThat(uploads.turns().tryAcquire()).isTrue();
		try {
			assertThatThrownBy(() -> uploads.process(PhotoForm.uploaded(photo), ZoneId.of("Europe/London")))
				.isInstanceOfSatisfying(PhotoImages.RefusedException.class,
						(ex) -> assertThat(ex.refusal()).isEqualTo(PhotoImages.Refusal.BUSY));
		}
		finally {
			uploads.turns().release();
		}
		List<Path> before = uploadFiles();
		assertThat(uploads.process(PhotoForm.uploaded(photo), ZoneId.of("Europe/London")).width()).isEqualTo(200);
		assertThat(uploads.turns().availablePermits()).as("the turn is given back").isOne();
		assertThat(uploadFiles()).as("the upload's temporary file is deleted").isEqualTo(before);
	}

	private static List<Path> uploadFiles() throws java.io.IOException {
		try (java.util.stream.Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
			return files.filter((f) -> f.getFileName().toString().startsWith("aftercare-photo-")).sorted().toList();
		}
	}

	/** Bruising 8/10: a HIGH flag (R4), so that there is a flag page to look at. */
	private ReportRequests severeBruising(UUID token) {
		return ReportRequests.report(this.world.patient(), token).entry(Symptom.BRUISING, "severity", "8");
	}

	/** Stages one photo on a form of the given token ("add these photos"). */
	private void stage(UUID token) throws Exception {
		this.mvc
			.perform(ReportRequests.report(this.world.patient(), token)
				.entry(Symptom.BRUISING)
				.with("addPhotos", "true")
				.buildWithPhotos(TestPhotos.upload("s.jpg", "image/jpeg", TestPhotos.jpeg(100, 80))))
			.andExpect(status().isOk());
	}

	private static UUID sent(MockHttpServletResponse response) {
		String location = response.getRedirectedUrl();
		assertThat(location).matches("/me/reports/[0-9a-f-]{36}/advice");
		return UUID.fromString(location.substring("/me/reports/".length(), location.length() - "/advice".length()));
	}

	private long reportsOf(UUID token) {
		return this.jdbc.sql("SELECT count(*) FROM symptom_report WHERE clinic_id = ? AND form_token = ?")
			.params(this.world.clinicId(), token)
			.query(Long.class)
			.single();
	}

	private List<UUID> photos() {
		return this.jdbc.sql("SELECT id FROM report_photo WHERE clinic_id = ? ORDER BY uploaded_at, id")
			.param(this.world.clinicId())
			.query(UUID.class)
			.list();
	}

	/** Sends a report with one photo, as the patient, and returns the photo's id. */
	private UUID sendOnePhoto() throws Exception {
		sent(this.mvc
			.perform(severeBruising(UUID.randomUUID())
				.buildWithPhotos(TestPhotos.upload("mine.jpg", "image/jpeg", TestPhotos.jpeg(100, 80))))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse());
		return onlyPhoto();
	}

	private UUID onlyPhoto() {
		List<UUID> photos = photos();
		assertThat(photos).hasSize(1);
		return photos.get(0);
	}

	private long photoCount() {
		return photos().size();
	}

	private UUID reportOf(UUID photo) {
		List<UUID> report = this.jdbc.sql("SELECT report_id FROM report_photo WHERE id = ?")
			.param(photo)
			.query((rs, n) -> rs.getObject(1, UUID.class))
			.list();
		assertThat(report).hasSize(1);
		return report.get(0);
	}

	private long audited(String action) {
		return this.jdbc.sql("SELECT count(*) FROM audit_event WHERE clinic_id = ? AND action = ?")
			.params(this.world.clinicId(), action)
			.query(Long.class)
			.single();
	}

}
