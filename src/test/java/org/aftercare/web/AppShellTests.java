package org.aftercare.web;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import org.aftercare.AftercareTest;
import org.aftercare.TestFixtures;
import org.aftercare.TestFixtures.World;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The installable app: a manifest a phone accepts (real PNG icons of the sizes it
 * declares), a service worker from the root that keeps only static files and the offline
 * page, and an offline page that holds nobody's data.
 */
@AftercareTest
class AppShellTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestFixtures fixtures;

	@Autowired
	AppShell shell;

	@Autowired
	Languages languages;

	@Test
	void manifestNamesTheAppItsStartAndItsIconsWhichArePngsOfTheDeclaredSizes() throws Exception {
		MvcResult result = this.mvc.perform(get("/manifest.webmanifest")).andExpect(status().isOk()).andReturn();
		assertThat(result.getResponse().getContentType()).startsWith("application/manifest+json");
		String json = result.getResponse().getContentAsString();
		assertThat((String) JsonPath.read(json, "$.name")).isEqualTo("Aftercare");
		assertThat((String) JsonPath.read(json, "$.short_name")).isEqualTo("Aftercare");
		assertThat((String) JsonPath.read(json, "$.start_url")).isEqualTo("/");
		assertThat((String) JsonPath.read(json, "$.scope")).isEqualTo("/");
		assertThat((String) JsonPath.read(json, "$.display")).isEqualTo("standalone");
		assertThat((String) JsonPath.read(json, "$.theme_color")).isEqualTo("#0b5c74");
		assertThat((String) JsonPath.read(json, "$.background_color")).isEqualTo("#f7f9fb");
		assertThat((String) JsonPath.read(json, "$.lang")).isEqualTo("en");
		// Fetched without cookies: in the phone's language.
		String spanish = this.mvc.perform(get("/manifest.webmanifest").header("Accept-Language", "es"))
			.andReturn()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat((String) JsonPath.read(spanish, "$.lang")).isEqualTo("es");
		assertThat((String) JsonPath.read(spanish, "$.description")).startsWith("Cuente a su clínica");
		List<Map<String, String>> icons = JsonPath.read(json, "$.icons");
		assertThat(icons).extracting((icon) -> icon.get("sizes") + " " + icon.get("purpose"))
			.containsExactlyInAnyOrder("192x192 any", "512x512 any", "512x512 maskable");
		for (Map<String, String> icon : icons) {
			assertThat(icon.get("type")).isEqualTo("image/png");
			MvcResult png = this.mvc.perform(get(icon.get("src"))).andExpect(status().isOk()).andReturn();
			BufferedImage image = image(png.getResponse().getContentAsByteArray());
			int size = Integer.parseInt(icon.get("sizes").substring(0, icon.get("sizes").indexOf('x')));
			assertThat(image.getWidth()).as(icon.get("src")).isEqualTo(size);
			assertThat(image.getHeight()).as(icon.get("src")).isEqualTo(size);
		}
	}

	@Test
	void serviceWorkerComesFromTheRootUncachedWithAVersionedCacheOfStaticFilesOnly() throws Exception {
		MvcResult result = this.mvc.perform(get("/sw.js")).andExpect(status().isOk()).andReturn();
		assertThat(result.getResponse().getContentType()).startsWith("text/javascript");
		assertThat(result.getResponse().getHeader("Cache-Control")).isEqualTo("no-cache");
		String worker = result.getResponse().getContentAsString();
		assertThat(this.shell.version()).matches("[0-9a-f]{16}");
		assertThat(worker).contains("var VERSION = '" + this.shell.version() + "'")
			.contains("var OFFLINE = '/offline'")
			.doesNotContain("__");
		assertThat(this.shell.paths()).contains("/assets/css/app.css", "/assets/js/app.js",
				"/assets/js/report-draft.js", "/assets/js/severity-chart.js", "/assets/icons/icon-192.png",
				"/webjars/uplot/dist/uPlot.iife.min.js", "/offline", "/offline/en", "/offline/es");
		assertThat(worker).contains("var OFFLINE_PAGES = {'en': '/offline/en', 'es': '/offline/es'}");
		for (String path : this.shell.paths()) {
			assertThat(worker).contains("'" + path + "'");
			assertThat(path).as("a page with someone's data")
				.doesNotStartWith("/me")
				.doesNotStartWith("/clinician")
				.doesNotStartWith("/admin")
				.doesNotStartWith("/account")
				.doesNotStartWith("/c/")
				.doesNotStartWith("/check-in");
			// Every file it keeps can be fetched without signing in, as the worker does.
			this.mvc.perform(get(path)).andExpect(status().isOk());
		}
	}

	@Test
	void theVersionIsTheSameForTheSameFiles() {
		assertThat(new AppShell(this.languages).version()).isEqualTo(this.shell.version());
	}

	@Test
	void offlinePageIsPublicAndTheSameWhoeverAsks() throws Exception {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		String anonymous = this.mvc.perform(get("/offline"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String signedIn = this.mvc.perform(get("/offline").with(user(world.patient())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(anonymous).contains("You are offline", "emergency number");
		assertThat(signedIn).isEqualTo(anonymous).doesNotContain(world.patient().displayName());
	}

	@Test
	void eachLanguagesOfflinePageIsInItsLanguageWhateverTheBrowserAsks() throws Exception {
		String spanish = this.mvc.perform(get("/offline/es").header("Accept-Language", "en"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(spanish).contains("lang=\"es\"", "No tiene conexión", "número de emergencias");
		String english = this.mvc.perform(get("/offline/en").header("Accept-Language", "es"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(english).contains("lang=\"en\"", "You are offline");
		this.mvc.perform(get("/offline/fr")).andExpect(status().isNotFound());
	}

	@Test
	void everyPageLinksTheManifestAndTheScriptThatRegistersTheWorker() throws Exception {
		String login = this.mvc.perform(get("/login")).andReturn().getResponse().getContentAsString();
		assertThat(login).contains("<link rel=\"manifest\" href=\"/manifest.webmanifest\">")
			.contains("src=\"/assets/js/app.js\"")
			.contains("data-service-worker=\"/sw.js\"");
	}

	private static BufferedImage image(byte[] bytes) throws IOException {
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
		assertThat(image).as("a PNG").isNotNull();
		assertThat(new String(bytes, 1, 3, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("PNG");
		return image;
	}

}
