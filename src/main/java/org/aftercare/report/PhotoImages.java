package org.aftercare.report;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.awt.image.SampleModel;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import com.twelvemonkeys.imageio.metadata.Directory;
import com.twelvemonkeys.imageio.metadata.Entry;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEG;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegment;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegmentUtil;
import com.twelvemonkeys.imageio.metadata.tiff.TIFF;
import com.twelvemonkeys.imageio.metadata.tiff.TIFFReader;

/**
 * Turns an uploaded file into a photo fit to keep, or refuses it. What the file is comes
 * from decoding it, never from its name or declared type: a JPEG, PNG or WebP (a phone's
 * HEIC photo arrives as JPEG, converted by the browser). Its pixel count is read from the
 * header and checked before anything is decoded, so a small file that declares a huge
 * image (a decompression bomb) is refused without the work. The image is turned upright
 * from its EXIF orientation, scaled to at most {@value #MAX_SIDE} px on its long side and
 * re-encoded as JPEG without any metadata: nothing of the original file (GPS position,
 * device, owner) survives but its pixels and the time it was taken.
 *
 * <p>
 * Memory: the JVM has a 160 MiB heap in production. A file is read from disk through the
 * reader, never whole into memory; it is decoded subsampled, so that the decoded raster
 * stays within {@value #DECODE_BUDGET_BYTES} bytes (a 12-megapixel phone photo decodes
 * whole at 36 MB; a 48-megapixel one at every second pixel), and the caller runs one
 * photo at a time ({@link PhotoUploads}).
 */
final class PhotoImages {

	/** The largest file accepted, as uploaded. */
	static final long MAX_UPLOAD_BYTES = 10L * 1024 * 1024;

	/**
	 * The most pixels a photo's header may declare: 50 megapixels admits the largest
	 * photos phones take (48 and 50 megapixel modes, 8064 x 6048 and 8160 x 6120), and
	 * refuses a decompression bomb (a 20000 x 20000 PNG of one colour is a few KB, 400
	 * megapixels), whose decoding would take seconds of CPU even subsampled.
	 */
	static final long MAX_PIXELS = 50_000_000L;

	/** The long side of a stored photo at most. */
	static final int MAX_SIDE = 2048;

	/** The long side of a thumbnail at most. */
	static final int THUMBNAIL_SIDE = 320;

	/**
	 * The decoded raster's size at most: a 12-megapixel photo of three bytes a pixel
	 * decodes whole, larger ones are subsampled.
	 */
	static final long DECODE_BUDGET_BYTES = 48L * 1024 * 1024;

	/**
	 * JPEG at 0.85: what every browser shows, about half a megabyte at 2048 px, and no
	 * artefacts that blur the edge of a bruise or the shade of a redness; a thumbnail at
	 * 0.8.
	 */
	static final float QUALITY = 0.85f;

	static final float THUMBNAIL_QUALITY = 0.8f;

	static final String CONTENT_TYPE = "image/jpeg";

	/** The formats accepted, by the names of ImageIO's readers. */
	private static final Set<String> FORMATS = Set.of("jpeg", "png", "webp");

	/**
	 * A camera's clock is trusted within a year before and a day after the upload;
	 * outside it, the time taken is unknown.
	 */
	private static final Duration TAKEN_AT_MOST_BEFORE = Duration.ofDays(366);

	private static final Duration TAKEN_AT_MOST_AFTER = Duration.ofDays(1);

	private static final DateTimeFormatter EXIF_TIME = DateTimeFormatter.ofPattern("yyyy:MM:dd HH:mm:ss", Locale.ROOT);

	/** EXIF tags of the Exif sub-IFD. */
	private static final int DATE_TIME_ORIGINAL = 36867;

	private static final int OFFSET_TIME_ORIGINAL = 36881;

	static {
		// In the packaged app ImageIO may first be used on a request thread, whose class
		// loader is the web application's: register the class path's readers (the
		// TwelveMonkeys JPEG and WebP ones) explicitly, once.
		ImageIO.scanForPlugins();
	}

	private PhotoImages() {
	}

	/** Why a file was refused. */
	enum Refusal {

		/** Not an image at all, or a broken or truncated one. */
		NOT_AN_IMAGE,
		/** An image, but not a JPEG, PNG or WebP (a GIF, a BMP, a TIFF). */
		UNSUPPORTED_FORMAT,
		/** Its header declares more than {@link #MAX_PIXELS}. */
		TOO_MANY_PIXELS,
		/** Larger than {@link #MAX_UPLOAD_BYTES} as uploaded. */
		TOO_LARGE,
		/** The server is busy with other photos: try again in a moment. */
		BUSY

	}

	/** A file refused, and why. */
	static final class RefusedException extends Exception {

		private final Refusal refusal;

		RefusedException(Refusal refusal, String why) {
			super(why, null, false, false);
			this.refusal = refusal;
		}

		Refusal refusal() {
			return this.refusal;
		}

	}

	/** A photo fit to keep: the JPEG, its size, its thumbnail, when it was taken. */
	record Processed(byte[] image, int width, int height, byte[] thumbnail, int thumbnailWidth, int thumbnailHeight,
			Instant takenAt) {
	}

	/**
	 * Reads, checks and re-encodes the image in {@code file}; a camera's local time of
	 * taking without an offset is read in {@code zone}.
	 */
	static Processed process(Path file, ZoneId zone, Instant now) throws RefusedException {
		Exif exif;
		BufferedImage decoded;
		try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
			if (in == null) {
				throw new RefusedException(Refusal.NOT_AN_IMAGE, "unreadable");
			}
			ImageReader reader = readerFor(in);
			try {
				exif = exif(reader.getOriginatingProvider().getFormatNames()[0], in);
				in.seek(0);
				decoded = decode(reader, in);
			}
			finally {
				reader.dispose();
			}
		}
		catch (IOException | RuntimeException ex) {
			// ImageIO's readers throw IIOException, IndexOutOfBounds and the like on
			// broken data: all of it is "not an image we can read".
			throw new RefusedException(Refusal.NOT_AN_IMAGE, String.valueOf(ex));
		}
		BufferedImage upright = uprightAndScaled(decoded, exif.orientation(), MAX_SIDE);
		// The decoded raster (up to the budget) is garbage from here, before the
		// thumbnail and the two encodings.
		decoded = null;
		BufferedImage thumbnail = scaled(upright, THUMBNAIL_SIDE);
		return new Processed(jpeg(upright, QUALITY), upright.getWidth(), upright.getHeight(),
				jpeg(thumbnail, THUMBNAIL_QUALITY), thumbnail.getWidth(), thumbnail.getHeight(),
				takenAt(exif, zone, now));
	}

	private static ImageReader readerFor(ImageInputStream in) throws RefusedException {
		Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
		boolean anyReader = false;
		while (readers.hasNext()) {
			ImageReader reader = readers.next();
			anyReader = true;
			String format = reader.getOriginatingProvider().getFormatNames()[0].toLowerCase(Locale.ROOT);
			if (FORMATS.contains(format)) {
				return reader;
			}
		}
		throw anyReader ? new RefusedException(Refusal.UNSUPPORTED_FORMAT, "format")
				: new RefusedException(Refusal.NOT_AN_IMAGE, "no reader");
	}

	/**
	 * Decodes the image after checking its declared size, subsampled to stay within the
	 * decode budget and about twice the stored size. A JPEG that ends early decodes with
	 * a warning and grey rows where its data is missing: refused as broken.
	 */
	private static BufferedImage decode(ImageReader reader, ImageInputStream in) throws IOException, RefusedException {
		reader.setInput(in, true, true);
		long width = reader.getWidth(0);
		long height = reader.getHeight(0);
		if (width <= 0 || height <= 0) {
			throw new RefusedException(Refusal.NOT_AN_IMAGE, "no pixels");
		}
		if (width * height > MAX_PIXELS) {
			throw new RefusedException(Refusal.TOO_MANY_PIXELS, width + "x" + height);
		}
		int subsampling = subsampling(width, height, bytesPerPixel(reader));
		ImageReadParam param = reader.getDefaultReadParam();
		param.setSourceSubsampling(subsampling, subsampling, 0, 0);
		StringBuilder truncated = new StringBuilder();
		reader.addIIOReadWarningListener((source, warning) -> {
			String lower = warning.toLowerCase(Locale.ROOT);
			if (lower.contains("truncated") || lower.contains("premature end")) {
				truncated.append(warning);
			}
		});
		BufferedImage image = reader.read(0, param);
		if (!truncated.isEmpty()) {
			throw new RefusedException(Refusal.NOT_AN_IMAGE, truncated.toString());
		}
		return image;
	}

	/**
	 * Every how many pixels to decode one: at most about twice the stored size, and the
	 * decoded raster within the budget.
	 */
	static int subsampling(long width, long height, int bytesPerPixel) {
		long longSide = Math.max(width, height);
		int subsampling = (int) Math.max(1, longSide / (2L * MAX_SIDE));
		while (ceilDiv(width, subsampling) * ceilDiv(height, subsampling) * bytesPerPixel > DECODE_BUDGET_BYTES) {
			subsampling++;
		}
		return subsampling;
	}

	private static long ceilDiv(long a, long b) {
		return (a + b - 1) / b;
	}

	/** What a decoded pixel takes, from the reader's raw type; four when it won't say. */
	private static int bytesPerPixel(ImageReader reader) throws IOException {
		ImageTypeSpecifier raw = reader.getRawImageType(0);
		if (raw == null) {
			return 4;
		}
		SampleModel model = raw.getSampleModel(1, 1);
		int bits = 0;
		for (int size : model.getSampleSize()) {
			bits += size;
		}
		return Math.max(1, (bits + 7) / 8);
	}

	/**
	 * The image turned upright (EXIF orientation 1-8) and scaled to at most {@code side}
	 * on its long side, flattened onto white (a transparent PNG) into plain RGB.
	 */
	static BufferedImage uprightAndScaled(BufferedImage source, int orientation, int side) {
		boolean turned = orientation >= 5 && orientation <= 8;
		int uprightWidth = turned ? source.getHeight() : source.getWidth();
		int uprightHeight = turned ? source.getWidth() : source.getHeight();
		// At most halving in one step, so that bilinear sampling skips no pixel; the rest
		// in further steps.
		double scale = Math.max(Math.min(1.0, (double) side / Math.max(uprightWidth, uprightHeight)), 0.5);
		int width = Math.max(1, (int) Math.round(uprightWidth * scale));
		int height = Math.max(1, (int) Math.round(uprightHeight * scale));
		AffineTransform transform = new AffineTransform();
		transform.scale((double) width / uprightWidth, (double) height / uprightHeight);
		transform.concatenate(orientation(orientation, source.getWidth(), source.getHeight()));
		BufferedImage upright = draw(source, transform, width, height);
		return scaled(upright, side);
	}

	/**
	 * What maps the stored pixels onto the upright picture, for each EXIF orientation
	 * (TIFF 6.0: 1 as stored, 2 mirrored, 3 turned half way, 4 flipped, 5-8 the same with
	 * rows and columns swapped).
	 */
	private static AffineTransform orientation(int orientation, int width, int height) {
		return switch (orientation) {
			case 2 -> new AffineTransform(-1, 0, 0, 1, width, 0);
			case 3 -> new AffineTransform(-1, 0, 0, -1, width, height);
			case 4 -> new AffineTransform(1, 0, 0, -1, 0, height);
			case 5 -> new AffineTransform(0, 1, 1, 0, 0, 0);
			case 6 -> new AffineTransform(0, 1, -1, 0, height, 0);
			case 7 -> new AffineTransform(0, -1, -1, 0, height, width);
			case 8 -> new AffineTransform(0, -1, 1, 0, 0, width);
			default -> new AffineTransform();
		};
	}

	/** Scaled down to at most {@code side} on the long side, halving at most per step. */
	static BufferedImage scaled(BufferedImage source, int side) {
		BufferedImage current = source;
		while (Math.max(current.getWidth(), current.getHeight()) > side) {
			double scale = Math.max((double) side / Math.max(current.getWidth(), current.getHeight()), 0.5);
			int width = Math.max(1, (int) Math.round(current.getWidth() * scale));
			int height = Math.max(1, (int) Math.round(current.getHeight() * scale));
			current = draw(current, AffineTransform.getScaleInstance((double) width / current.getWidth(),
					(double) height / current.getHeight()), width, height);
		}
		return current;
	}

	private static BufferedImage draw(BufferedImage source, AffineTransform transform, int width, int height) {
		BufferedImage target = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D graphics = target.createGraphics();
		try {
			graphics.setColor(Color.WHITE);
			graphics.fillRect(0, 0, width, height);
			graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
			graphics.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
			graphics.drawImage(source, transform, null);
		}
		finally {
			graphics.dispose();
		}
		return target;
	}

	/**
	 * A baseline JPEG of the pixels alone: no EXIF, no XMP, no ICC profile, no comment.
	 */
	static byte[] jpeg(BufferedImage image, float quality) {
		Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
		ImageWriter writer = writers.next();
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
			writer.setOutput(out);
			ImageWriteParam param = writer.getDefaultWriteParam();
			param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
			param.setCompressionQuality(quality);
			writer.write(null, new IIOImage(image, null, null), param);
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		finally {
			writer.dispose();
		}
		return bytes.toByteArray();
	}

	/** The EXIF facts used: orientation, and when the camera says it took the photo. */
	record Exif(int orientation, String takenAt, String offset) {

		static final Exif NONE = new Exif(1, null, null);

	}

	/**
	 * The EXIF of a JPEG (its APP1 "Exif" segment) or a WebP (its "EXIF" chunk); PNG
	 * photos from a phone's browser carry none worth reading.
	 */
	static Exif exif(String format, ImageInputStream in) {
		try {
			in.seek(0);
			byte[] tiff = switch (format.toLowerCase(Locale.ROOT)) {
				case "jpeg", "jpg" -> jpegExif(in);
				case "webp" -> webpExif(in);
				default -> null;
			};
			if (tiff == null) {
				return Exif.NONE;
			}
			Directory ifd0 = new TIFFReader().read(new MemoryCacheImageInputStream(new ByteArrayInputStream(tiff)));
			int orientation = number(ifd0.getEntryById(TIFF.TAG_ORIENTATION)).orElse(1);
			String takenAt = null;
			String offset = null;
			Entry exifIfd = ifd0.getEntryById(TIFF.TAG_EXIF_IFD);
			if (exifIfd != null && exifIfd.getValue() instanceof Directory sub) {
				takenAt = text(sub.getEntryById(DATE_TIME_ORIGINAL));
				offset = text(sub.getEntryById(OFFSET_TIME_ORIGINAL));
			}
			return new Exif((orientation >= 1 && orientation <= 8) ? orientation : 1, takenAt, offset);
		}
		catch (IOException | RuntimeException ex) {
			// Broken metadata does not make a broken photo: it is shown as stored.
			return Exif.NONE;
		}
	}

	private static byte[] jpegExif(ImageInputStream in) throws IOException {
		List<JPEGSegment> segments = JPEGSegmentUtil.readSegments(in, JPEG.APP1, "Exif");
		if (segments.isEmpty()) {
			return null;
		}
		byte[] data;
		try (InputStream segment = segments.get(0).data()) {
			data = segment.readAllBytes();
		}
		// The identifier is "Exif\0\0": the segment's data starts after its first NUL.
		int start = (data.length > 0 && data[0] == 0) ? 1 : 0;
		return java.util.Arrays.copyOfRange(data, start, data.length);
	}

	/** The "EXIF" chunk of a WebP's RIFF container, if any. */
	private static byte[] webpExif(ImageInputStream in) throws IOException {
		byte[] header = new byte[12];
		in.readFully(header);
		if (!"RIFF".equals(new String(header, 0, 4, StandardCharsets.US_ASCII))) {
			return null;
		}
		in.setByteOrder(java.nio.ByteOrder.LITTLE_ENDIAN);
		byte[] fourCc = new byte[4];
		while (true) {
			try {
				in.readFully(fourCc);
			}
			catch (java.io.EOFException ex) {
				return null;
			}
			long size = in.readUnsignedInt();
			if ("EXIF".equals(new String(fourCc, StandardCharsets.US_ASCII))) {
				if (size > 1024 * 1024) {
					return null;
				}
				byte[] data = new byte[(int) size];
				in.readFully(data);
				// Some writers keep JPEG's "Exif\0\0" in front of the TIFF header.
				int start = (size > 6 && data[0] == 'E' && data[1] == 'x') ? 6 : 0;
				return java.util.Arrays.copyOfRange(data, start, data.length);
			}
			in.skipBytes(size + (size & 1));
		}
	}

	private static Optional<Integer> number(Entry entry) {
		if (entry != null && entry.getValue() instanceof Number number) {
			return Optional.of(number.intValue());
		}
		return Optional.empty();
	}

	private static String text(Entry entry) {
		return (entry != null && entry.getValue() instanceof String text) ? text.strip() : null;
	}

	/**
	 * When the photo was taken, by the camera's clock: with its offset when it recorded
	 * one, else in the patient's time zone; unknown when missing or implausible.
	 */
	static Instant takenAt(Exif exif, ZoneId zone, Instant now) {
		if (exif.takenAt() == null) {
			return null;
		}
		try {
			LocalDateTime local = LocalDateTime.parse(exif.takenAt(), EXIF_TIME);
			Instant taken = (exif.offset() != null) ? local.toInstant(ZoneOffset.of(exif.offset()))
					: local.atZone(zone).toInstant();
			if (taken.isBefore(now.minus(TAKEN_AT_MOST_BEFORE)) || taken.isAfter(now.plus(TAKEN_AT_MOST_AFTER))) {
				return null;
			}
			return taken;
		}
		catch (DateTimeException ex) {
			return null;
		}
	}

}
