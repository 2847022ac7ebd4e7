package org.aftercare.account;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The enrolment page's QR code, read back by another library's decoder from the SVG
 * markup itself: it must hold exactly the otpauth URI shown beside it.
 */
class QrCodeSvgTests {

	private static final Pattern RUN = Pattern.compile("M(\\d+),(\\d+)h(\\d+)v1h-\\d+z");

	@Test
	void theSvgDecodesToTheOtpauthUri() throws Exception {
		String uri = "otpauth://totp/Aftercare:nurse%40harbour.aftercare.test?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
				+ "&issuer=Aftercare&algorithm=SHA1&digits=6&period=30";
		QrCodeSvg svg = QrCodeSvg.of(uri);
		assertThat(decode(svg)).isEqualTo(uri);
		assertThat(svg.path()).doesNotContain("otpauth").matches("(M\\d+,\\d+h\\d+v1h-\\d+z)+");
	}

	@Test
	void anotherUriMakesAnotherCode() throws Exception {
		String uri = "otpauth://totp/Aftercare:a%40b.test?secret=AAAABBBBCCCCDDDD&issuer=Aftercare";
		assertThat(decode(QrCodeSvg.of(uri))).isEqualTo(uri);
		assertThat(QrCodeSvg.of(uri).path()).isNotEqualTo(QrCodeSvg.of(uri + "x").path());
	}

	/** Paints the path's rectangles, 4 pixels a module, and decodes the picture. */
	private static String decode(QrCodeSvg svg) throws Exception {
		int side = Integer.parseInt(svg.viewBox().split(" ")[2]);
		int scale = 4;
		int width = side * scale;
		int[] pixels = new int[width * width];
		java.util.Arrays.fill(pixels, 0xFFFFFFFF);
		Matcher run = RUN.matcher(svg.path());
		while (run.find()) {
			int x = Integer.parseInt(run.group(1));
			int y = Integer.parseInt(run.group(2));
			int length = Integer.parseInt(run.group(3));
			for (int py = y * scale; py < (y + 1) * scale; py++) {
				for (int px = x * scale; px < (x + length) * scale; px++) {
					pixels[py * width + px] = 0xFF000000;
				}
			}
		}
		BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(width, width, pixels)));
		return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE)).getText();
	}

}
