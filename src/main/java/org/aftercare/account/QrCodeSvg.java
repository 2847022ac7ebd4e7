package org.aftercare.account;

import io.nayuki.qrcodegen.QrCode;

/**
 * A QR code as the two parts of an inline SVG the template writes out: its view box and
 * one path of the dark modules, with the four-module quiet zone that readers need. Only
 * digits and path commands, made from the QR matrix: the encoded text never appears in
 * the markup, and the template inserts both as escaped attributes.
 */
record QrCodeSvg(String viewBox, String path) {

	private static final int QUIET_ZONE = 4;

	/**
	 * Medium error correction: the otpauth URI fits in a small code that still reads from
	 * a smudged screen.
	 */
	static QrCodeSvg of(String text) {
		QrCode qr = QrCode.encodeText(text, QrCode.Ecc.MEDIUM);
		StringBuilder path = new StringBuilder();
		for (int y = 0; y < qr.size; y++) {
			int x = 0;
			while (x < qr.size) {
				if (!qr.getModule(x, y)) {
					x++;
					continue;
				}
				int start = x;
				while (x < qr.size && qr.getModule(x, y)) {
					x++;
				}
				// One rectangle for each run of dark modules in a row.
				int run = x - start;
				path.append('M')
					.append(start + QUIET_ZONE)
					.append(',')
					.append(y + QUIET_ZONE)
					.append('h')
					.append(run)
					.append("v1h-")
					.append(run)
					.append('z');
			}
		}
		int side = qr.size + 2 * QUIET_ZONE;
		return new QrCodeSvg("0 0 " + side + " " + side, path.toString());
	}

}
