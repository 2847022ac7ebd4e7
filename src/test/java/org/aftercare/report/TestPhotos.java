package org.aftercare.report;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

import javax.imageio.ImageIO;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

import com.twelvemonkeys.imageio.metadata.Entry;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEG;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegmentUtil;
import com.twelvemonkeys.imageio.metadata.tiff.IFD;
import com.twelvemonkeys.imageio.metadata.tiff.Rational;
import com.twelvemonkeys.imageio.metadata.tiff.TIFF;
import com.twelvemonkeys.imageio.metadata.tiff.TIFFEntry;
import com.twelvemonkeys.imageio.metadata.tiff.TIFFWriter;

import org.springframework.mock.web.MockMultipartFile;

/**
 * Image files as phones and people send them, made here: photos with a camera's EXIF (GPS
 * position, maker, orientation, time taken), transparent PNGs, GIFs, truncated files and
 * a decompression bomb.
 */
final class TestPhotos {

	/** A camera maker's name, which must not survive the re-encoding. */
	static final String MAKER = "AcmePhone Camera Co";

	private TestPhotos() {
	}

	/** An image whose left half is {@code left} and right half {@code right}. */
	static BufferedImage halves(int width, int height, Color left, Color right) {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D graphics = image.createGraphics();
		graphics.setColor(left);
		graphics.fillRect(0, 0, width / 2, height);
		graphics.setColor(right);
		graphics.fillRect(width / 2, 0, width - width / 2, height);
		graphics.dispose();
		return image;
	}

	static byte[] jpeg(int width, int height) {
		return write(halves(width, height, Color.RED, Color.BLUE), "jpeg");
	}

	static byte[] png(BufferedImage image) {
		return write(image, "png");
	}

	static byte[] gif(int width, int height) {
		return write(halves(width, height, Color.RED, Color.BLUE), "gif");
	}

	static byte[] write(BufferedImage image, String format) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			if (!ImageIO.write(image, format, out)) {
				throw new IllegalStateException("no writer for " + format);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	/**
	 * The JPEG with a camera's EXIF in an APP1 segment right after its start: the maker,
	 * the orientation, the time taken ("yyyy:MM:dd HH:mm:ss", or null) and a GPS position
	 * (51 deg 30 min N, 0 deg 7 min W: London).
	 */
	static byte[] withExif(byte[] jpeg, int orientation, String takenAt) {
		List<Entry> gps = List.of(new TIFFEntry(1, TIFF.TYPE_ASCII, "N"),
				new TIFFEntry(2, TIFF.TYPE_RATIONAL,
						new Rational[] { new Rational(51, 1), new Rational(30, 1), new Rational(0, 1) }),
				new TIFFEntry(3, TIFF.TYPE_ASCII, "W"), new TIFFEntry(4, TIFF.TYPE_RATIONAL,
						new Rational[] { new Rational(0, 1), new Rational(7, 1), new Rational(0, 1) }));
		List<Entry> exif = new ArrayList<>();
		if (takenAt != null) {
			exif.add(new TIFFEntry(36867, TIFF.TYPE_ASCII, takenAt));
		}
		exif.add(new TIFFEntry(42035, TIFF.TYPE_ASCII, MAKER));
		List<Entry> ifd0 = List.of(new TIFFEntry(271, TIFF.TYPE_ASCII, MAKER),
				new TIFFEntry(TIFF.TAG_ORIENTATION, TIFF.TYPE_SHORT, orientation),
				new TIFFEntry(TIFF.TAG_EXIF_IFD, TIFF.TYPE_LONG, new IFD(exif)),
				new TIFFEntry(TIFF.TAG_GPS_IFD, TIFF.TYPE_LONG, new IFD(gps)));
		ByteArrayOutputStream tiff = new ByteArrayOutputStream();
		try (ImageOutputStream out = ImageIO.createImageOutputStream(tiff)) {
			new TIFFWriter().write(ifd0, out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		byte[] payload = concat("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1), tiff.toByteArray());
		int length = payload.length + 2;
		byte[] marker = { (byte) 0xFF, (byte) 0xE1, (byte) (length >> 8), (byte) length };
		return concat(Arrays.copyOfRange(jpeg, 0, 2), marker, payload, Arrays.copyOfRange(jpeg, 2, jpeg.length));
	}

	/** The APP1 segments (EXIF, XMP) a JPEG carries. */
	static int app1Segments(byte[] jpeg) {
		try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(jpeg))) {
			return JPEGSegmentUtil.readSegments(in, java.util.Map.of(JPEG.APP1, JPEGSegmentUtil.ALL_IDS)).size();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The first half of a file, as a broken upload leaves it. */
	static byte[] truncated(byte[] file) {
		return Arrays.copyOf(file, file.length / 2);
	}

	/**
	 * A real PNG of one colour whose header declares {@code width} x {@code height}
	 * pixels (1-bit grey): 20000 x 20000, 400 megapixels, compresses to some 50 KB.
	 */
	static byte[] pngBomb(int width, int height) {
		try {
			ByteArrayOutputStream png = new ByteArrayOutputStream();
			png.write(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' });
			ByteArrayOutputStream header = new ByteArrayOutputStream();
			DataOutputStream ihdr = new DataOutputStream(header);
			ihdr.writeInt(width);
			ihdr.writeInt(height);
			ihdr.writeByte(1); // bit depth
			ihdr.writeByte(0); // greyscale
			ihdr.writeByte(0);
			ihdr.writeByte(0);
			ihdr.writeByte(0);
			chunk(png, "IHDR", header.toByteArray());
			ByteArrayOutputStream pixels = new ByteArrayOutputStream();
			byte[] row = new byte[1 + (width + 7) / 8];
			try (DeflaterOutputStream deflate = new DeflaterOutputStream(pixels,
					new Deflater(Deflater.BEST_COMPRESSION))) {
				for (int y = 0; y < height; y++) {
					deflate.write(row);
				}
			}
			chunk(png, "IDAT", pixels.toByteArray());
			chunk(png, "IEND", new byte[0]);
			return png.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void chunk(ByteArrayOutputStream png, String type, byte[] data) throws IOException {
		DataOutputStream out = new DataOutputStream(png);
		out.writeInt(data.length);
		byte[] name = type.getBytes(StandardCharsets.US_ASCII);
		out.write(name);
		out.write(data);
		CRC32 crc = new CRC32();
		crc.update(name);
		crc.update(data);
		out.writeInt((int) crc.getValue());
	}

	/** A lossy WebP of 64 x 48 made by Chromium's canvas: red left, blue right. */
	static byte[] webp() {
		try (InputStream in = TestPhotos.class.getResourceAsStream("photo-64x48.webp")) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The upload a browser sends for the photo field. */
	static MockMultipartFile upload(String name, String contentType, byte[] bytes) {
		return new MockMultipartFile("photos", name, contentType, bytes);
	}

	static BufferedImage read(byte[] image) {
		try {
			return ImageIO.read(new ByteArrayInputStream(image));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static byte[] concat(byte[]... parts) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (byte[] part : parts) {
			out.writeBytes(part);
		}
		return out.toByteArray();
	}

}
