package org.aftercare.privacy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import org.aftercare.AftercareTest;
import org.aftercare.TestFixtures;
import org.aftercare.TestFixtures.World;
import org.aftercare.report.Symptom;
import org.aftercare.security.CurrentUser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A patient's photos in their rights: the ZIP download holds every one of them beside the
 * JSON and the CSV, and an approved erasure deletes them all, staged ones included.
 */
@AftercareTest
class PhotoErasureAndExportTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestFixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theZipDownloadHoldsTheJsonTheCsvAndEveryPhotoOfThePatientOnly() throws Exception {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		World elsewhere = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		send(world.patient(), true, jpeg(300, 200), jpeg(120, 160));
		send(elsewhere.patient(), true, jpeg(50, 50));
		List<UUID> photos = photoIds(world.clinicId());
		assertThat(photos).hasSize(2);

		this.mvc.perform(get("/me/erasure").with(user(world.patient())))
			.andExpect(content().string(containsString("href=\"/me/data.zip\"")));
		byte[] zip = this.mvc.perform(get("/me/data.zip").with(user(world.patient())))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "application/zip"))
			.andExpect(header().string("Content-Disposition", containsString("attachment")))
			.andExpect(header().string("Cache-Control", containsString("no-store")))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		Map<String, byte[]> entries = unzip(zip);
		assertThat(entries.keySet()).containsExactlyInAnyOrder("aftercare-my-data.json", "aftercare-my-symptoms.csv",
				"photos/photo-" + photos.get(0) + ".jpg", "photos/photo-" + photos.get(1) + ".jpg");
		String json = new String(entries.get("aftercare-my-data.json"), StandardCharsets.UTF_8);
		assertThat(json).contains(world.patientEmail())
			.contains("\"photos\"")
			.contains(photos.get(0).toString())
			.contains(photos.get(1).toString())
			.doesNotContain(elsewhere.patientEmail());
		assertThat(new String(entries.get("aftercare-my-symptoms.csv"), StandardCharsets.UTF_8)).contains("BRUISING");
		List<Integer> widths = photos.stream()
			.map((id) -> entries.get("photos/photo-" + id + ".jpg"))
			.map(PhotoErasureAndExportTests::width)
			.toList();
		assertThat(widths).containsExactlyInAnyOrder(300, 120);
		assertThat(this.jdbc.sql("SELECT count(*) FROM audit_event WHERE clinic_id = ? AND action = ? AND detail = ?")
			.params(world.clinicId(), "PATIENT_DATA_EXPORTED", "zip")
			.query(Long.class)
			.single()).isOne();
	}

	@Test
	void anApprovedErasureDeletesEveryPhotoOfThePatientAndNoOneElses() throws Exception {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		World elsewhere = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		send(world.patient(), true, jpeg(100, 80));
		send(world.patient(), false, jpeg(100, 80));
		send(elsewhere.patient(), true, jpeg(100, 80));
		assertThat(photoIds(world.clinicId())).as("one sent, one staged").hasSize(2);

		this.mvc.perform(post("/me/erasure").with(user(world.patient())).with(csrf()).param("confirm", "true"))
			.andExpect(status().is3xxRedirection());
		UUID request = this.jdbc.sql("SELECT id FROM erasure_request WHERE clinic_id = ? AND patient_id = ?")
			.params(world.clinicId(), world.patient().patientId())
			.query(UUID.class)
			.single();
		this.mvc
			.perform(post("/admin/erasure-requests/" + request + "/approve")
				.with(user(PrivacyTests.admin(world.clinicId())))
				.with(csrf()))
			.andExpect(redirectedUrl("/admin/erasure-requests"));

		assertThat(photoIds(world.clinicId())).isEmpty();
		assertThat(photoIds(elsewhere.clinicId())).hasSize(1);
		assertThat(this.jdbc.sql("SELECT count(*) FROM symptom_report WHERE clinic_id = ?")
			.param(world.clinicId())
			.query(Long.class)
			.single()).as("the de-identified report stays").isOne();
	}

	/** A bruising report with photos; unsent: the form comes back with them staged. */
	private void send(CurrentUser patient, boolean valid, byte[]... photos) throws Exception {
		int i = Symptom.BRUISING.ordinal();
		var request = multipart("/me/reports").param("formToken", UUID.randomUUID().toString())
			.param("entries[" + i + "].symptom", Symptom.BRUISING.name())
			.param("entries[" + i + "].chosen", "true")
			.param("entries[" + i + "].interference", "0")
			.param("entries[" + i + "].startedAt",
					LocalDateTime.now(ZoneId.of("Europe/London")).minusHours(3).withSecond(0).withNano(0).toString())
			.param("entries[" + i + "].ongoing", "true");
		if (valid) {
			request.param("entries[" + i + "].severity", "4");
		}
		for (byte[] photo : photos) {
			request.file(new MockMultipartFile("photos", "photo.jpg", "image/jpeg", photo));
		}
		this.mvc.perform(request.with(user(patient)).with(csrf()))
			.andExpect(valid ? status().is3xxRedirection() : status().isUnprocessableContent());
	}

	private List<UUID> photoIds(UUID clinicId) {
		return this.jdbc.sql("SELECT id FROM report_photo WHERE clinic_id = ? ORDER BY uploaded_at, id")
			.param(clinicId)
			.query(UUID.class)
			.list();
	}

	private static byte[] jpeg(int width, int height) throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "jpeg", out);
		return out.toByteArray();
	}

	private static int width(byte[] jpeg) {
		try {
			return ImageIO.read(new ByteArrayInputStream(jpeg)).getWidth();
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private static Map<String, byte[]> unzip(byte[] zip) throws Exception {
		Map<String, byte[]> entries = new LinkedHashMap<>();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
			ZipEntry entry;
			while ((entry = in.getNextEntry()) != null) {
				entries.put(entry.getName(), in.readAllBytes());
			}
		}
		return entries;
	}

}
