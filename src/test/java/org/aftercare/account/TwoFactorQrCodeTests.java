package org.aftercare.account;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.junit.jupiter.api.Test;
import org.springframework.web.util.HtmlUtils;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import org.aftercare.AftercareTest;
import org.aftercare.TestFixtures;
import org.aftercare.TestFixtures.World;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The enrolment page's QR code holds the page's own otpauth URI: read back from the SVG
 * with a decoder other than the library that drew it.
 */
@AftercareTest
class TwoFactorQrCodeTests {

	private static final Pattern SVG = Pattern.compile("<svg id=\"qr\"[^>]*>.*?</svg>", Pattern.DOTALL);

	private static final Pattern VIEW_BOX = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"", Pattern.CASE_INSENSITIVE);

	private static final Pattern PATH = Pattern.compile("<path fill=\"#000000\" d=\"([^\"]*)\"");

	private static final Pattern RUN = Pattern.compile("M(\\d+),(\\d+)h(\\d+)v1h-(\\d+)z");

	private static final Pattern URI = Pattern.compile("<a id=\"otpauth\" href=\"([^\"]+)\"");

	/** Pixels per module in the picture handed to the decoder. */
	private static final int SCALE = 4;

	@Autowired
	MockMvc mvc;

	@Autowired
	TestFixtures fixtures;

	@Test
	void enrolmentQrCodeEncodesThePagesOtpauthUri() throws Exception {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		SignInBrowser desk = new SignInBrowser(this.mvc);
		desk.login(world.clinicianEmail());
		String page = desk.perform(get("/two-factor/enrol")).getContentAsString();

		Matcher uri = URI.matcher(page);
		assertThat(uri.find()).as("otpauth link on the page").isTrue();
		String expected = HtmlUtils.htmlUnescape(uri.group(1));
		assertThat(expected).startsWith("otpauth://totp/Aftercare:")
			.contains("secret=" + SignInBrowser.secret(desk.perform(get("/two-factor/enrol"))));

		Matcher svg = SVG.matcher(page);
		assertThat(svg.find()).as("inline SVG QR code").isTrue();
		assertThat(svg.group()).contains("role=\"img\"",
				"aria-label=\"QR code for setting up two-step login in your authenticator app\"");
		assertThat(svg.group()).as("no style attributes (the CSP forbids them), no text of the URI")
			.doesNotContain("style=", "otpauth", "secret");
		assertThat(decode(svg.group())).isEqualTo(expected);
	}

	@Test
	void qrCodeSvgDrawsWhatItIsGiven() throws Exception {
		QrCodeSvg qr = QrCodeSvg.of("otpauth://totp/Aftercare:x?secret=ABC");
		String svg = "<svg id=\"qr\" viewBox=\"" + qr.viewBox() + "\"><path fill=\"#000000\" d=\"" + qr.path()
				+ "\"/></svg>";
		assertThat(decode(svg)).isEqualTo("otpauth://totp/Aftercare:x?secret=ABC");
	}

	/** Paints the SVG's runs of dark modules into pixels and decodes them with ZXing. */
	private static String decode(String svg) throws Exception {
		Matcher box = VIEW_BOX.matcher(svg);
		assertThat(box.find()).as("view box").isTrue();
		int side = Integer.parseInt(box.group(1));
		assertThat(Integer.parseInt(box.group(2))).isEqualTo(side);
		Matcher path = PATH.matcher(svg);
		assertThat(path.find()).as("path of dark modules").isTrue();
		assertThat(RUN.matcher(path.group(1)).replaceAll("")).as("nothing but runs in the path").isEmpty();
		int pixels = side * SCALE;
		int[] argb = new int[pixels * pixels];
		Arrays.fill(argb, 0xFFFFFFFF);
		Matcher run = RUN.matcher(path.group(1));
		while (run.find()) {
			int x = Integer.parseInt(run.group(1));
			int y = Integer.parseInt(run.group(2));
			int length = Integer.parseInt(run.group(3));
			for (int px = x * SCALE; px < (x + length) * SCALE; px++) {
				for (int py = y * SCALE; py < (y + 1) * SCALE; py++) {
					argb[py * pixels + px] = 0xFF000000;
				}
			}
		}
		BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(pixels, pixels, argb)));
		return new QRCodeReader().decode(bitmap).getText();
	}

}
