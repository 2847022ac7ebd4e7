package org.aftercare.report;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What becomes of a file a patient uploads as a photo: decoded whatever its name says,
 * refused when it is no JPEG, PNG or WebP or declares too many pixels, turned upright,
 * scaled, and re-encoded with nothing of the original file's metadata.
 */
class PhotoImagesTests {

	private static final ZoneId LONDON = ZoneId.of("Europe/London");

	private static final DateTimeFormatter EXIF_TIME = DateTimeFormatter.ofPattern("yyyy:MM:dd HH:mm:ss");

	@TempDir
	Path dir;

	private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

	@Test
	void aPhotosGpsPositionAndCameraDetailsAreGoneFromWhatIsKept() throws Exception {
		byte[] upload = TestPhotos.withExif(TestPhotos.jpeg(400, 300), 1, null);
		assertThat(TestPhotos.app1Segments(upload)).as("the upload carries EXIF").isOne();
		assertThat(new String(upload, StandardCharsets.ISO_8859_1)).contains(TestPhotos.MAKER);

		PhotoImages.Processed photo = process(upload);

		for (byte[] kept : new byte[][] { photo.image(), photo.thumbnail() }) {
			assertThat(TestPhotos.app1Segments(kept)).as("EXIF or XMP segments kept").isZero();
			String text = new String(kept, StandardCharsets.ISO_8859_1);
			assertThat(text).doesNotContain(TestPhotos.MAKER).doesNotContain("Exif").doesNotContain("GPS");
			assertThat(TestPhotos.read(kept)).as("still a JPEG").isNotNull();
		}
		assertThat(photo.width()).isEqualTo(400);
		assertThat(photo.height()).isEqualTo(300);
	}

	@Test
	void aPhotoTaggedOrientationSixIsTurnedUpright() throws Exception {
		// Stored sideways: red on the left, blue on the right; a camera held upright says
		// "turn 90 degrees clockwise to show", so red ends on top.
		byte[] upload = TestPhotos.withExif(TestPhotos.jpeg(2, 1), 6, null);
		PhotoImages.Processed tiny = process(upload);
		assertThat(tiny.width()).isOne();
		assertThat(tiny.height()).isEqualTo(2);

		PhotoImages.Processed photo = process(TestPhotos.withExif(TestPhotos.jpeg(64, 32), 6, null));
		assertThat(photo.width()).isEqualTo(32);
		assertThat(photo.height()).isEqualTo(64);
		BufferedImage upright = TestPhotos.read(photo.image());
		assertThat(reddish(upright.getRGB(16, 8))).as("top is red").isTrue();
		assertThat(bluish(upright.getRGB(16, 56))).as("bottom is blue").isTrue();
	}

	@Test
	void everyOrientationTagPutsTheRedHalfWhereTheCameraSaw() throws Exception {
		// Stored: red left, blue right (64 x 32). Where red shows once upright.
		record Case(int orientation, int width, int height, int redX, int redY) {
		}
		for (Case c : new Case[] { new Case(1, 64, 32, 16, 16), new Case(2, 64, 32, 48, 16),
				new Case(3, 64, 32, 48, 16), new Case(4, 64, 32, 16, 16), new Case(5, 32, 64, 16, 16),
				new Case(6, 32, 64, 16, 16), new Case(7, 32, 64, 16, 48), new Case(8, 32, 64, 16, 48) }) {
			PhotoImages.Processed photo = process(TestPhotos.withExif(TestPhotos.jpeg(64, 32), c.orientation(), null));
			assertThat(photo.width()).as("width, orientation %s", c.orientation()).isEqualTo(c.width());
			assertThat(photo.height()).as("height, orientation %s", c.orientation()).isEqualTo(c.height());
			assertThat(reddish(TestPhotos.read(photo.image()).getRGB(c.redX(), c.redY())))
				.as("red at %s,%s, orientation %s", c.redX(), c.redY(), c.orientation())
				.isTrue();
		}
	}

	@Test
	void aLargePhotoIsScaledTo2048OnItsLongSideWithA320Thumbnail() throws Exception {
		PhotoImages.Processed photo = process(TestPhotos.jpeg(4032, 3024));
		assertThat(photo.width()).isEqualTo(2048);
		assertThat(photo.height()).isEqualTo(1536);
		BufferedImage image = TestPhotos.read(photo.image());
		assertThat(image.getWidth()).isEqualTo(2048);
		assertThat(reddish(image.getRGB(10, 10))).isTrue();
		assertThat(bluish(image.getRGB(2040, 1500))).isTrue();
		BufferedImage thumbnail = TestPhotos.read(photo.thumbnail());
		assertThat(thumbnail.getWidth()).isEqualTo(320).isEqualTo(photo.thumbnailWidth());
		assertThat(thumbnail.getHeight()).isEqualTo(240).isEqualTo(photo.thumbnailHeight());
	}

	@Test
	void aPortraitPhotoIsScaledByItsHeight() throws Exception {
		PhotoImages.Processed photo = process(TestPhotos.jpeg(1500, 4000));
		assertThat(photo.height()).isEqualTo(2048);
		assertThat(photo.width()).isEqualTo(768);
		assertThat(photo.thumbnailHeight()).isEqualTo(320);
	}

	@Test
	void aSmallPhotoKeepsItsSize() throws Exception {
		PhotoImages.Processed photo = process(TestPhotos.jpeg(800, 600));
		assertThat(photo.width()).isEqualTo(800);
		assertThat(photo.height()).isEqualTo(600);
	}

	@Test
	void theTimeTakenComesFromTheCameraAndNothingElseOfItsMetadata() throws Exception {
		LocalDateTime taken = LocalDateTime.ofInstant(this.now.minus(3, ChronoUnit.HOURS), LONDON);
		PhotoImages.Processed photo = process(TestPhotos.withExif(TestPhotos.jpeg(40, 30), 1, EXIF_TIME.format(taken)));
		assertThat(photo.takenAt()).isEqualTo(taken.atZone(LONDON).toInstant());

		assertThat(process(TestPhotos.jpeg(40, 30)).takenAt()).as("no EXIF").isNull();
		assertThat(process(TestPhotos.withExif(TestPhotos.jpeg(40, 30), 1, "1999:01:01 10:00:00")).takenAt())
			.as("a camera clock years off")
			.isNull();
		assertThat(process(TestPhotos.withExif(TestPhotos.jpeg(40, 30), 1, "not a time")).takenAt()).isNull();
	}

	@Test
	void aPngAndAWebpAreAcceptedAsJpeg() throws Exception {
		BufferedImage transparent = new BufferedImage(40, 20, BufferedImage.TYPE_INT_ARGB);
		transparent.setRGB(30, 10, Color.BLUE.getRGB());
		PhotoImages.Processed png = process(TestPhotos.png(transparent));
		BufferedImage flattened = TestPhotos.read(png.image());
		assertThat(png.width()).isEqualTo(40);
		assertThat(flattened.getRGB(5, 5) & 0xFFFFFF).as("transparent becomes white").isGreaterThan(0xF0F0F0);

		PhotoImages.Processed webp = process(TestPhotos.webp());
		assertThat(webp.width()).isEqualTo(64);
		assertThat(webp.height()).isEqualTo(48);
		BufferedImage decoded = TestPhotos.read(webp.image());
		assertThat(reddish(decoded.getRGB(8, 24))).isTrue();
		assertThat(bluish(decoded.getRGB(56, 24))).isTrue();
	}

	@Test
	void aFileThatIsNoImageIsRefusedWhateverItsName() throws Exception {
		refused("not a photo at all, only text".getBytes(StandardCharsets.UTF_8), PhotoImages.Refusal.NOT_AN_IMAGE);
		refused(new byte[0], PhotoImages.Refusal.NOT_AN_IMAGE);
		// A JPEG's first bytes and then nothing of use.
		refused(new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0 },
				PhotoImages.Refusal.NOT_AN_IMAGE);
	}

	@Test
	void aTruncatedJpegPngOrWebpIsRefused() throws Exception {
		refused(TestPhotos.truncated(TestPhotos.jpeg(400, 300)), PhotoImages.Refusal.NOT_AN_IMAGE);
		refused(TestPhotos.truncated(TestPhotos.png(TestPhotos.halves(400, 300, Color.RED, Color.BLUE))),
				PhotoImages.Refusal.NOT_AN_IMAGE);
		refused(TestPhotos.truncated(TestPhotos.webp()), PhotoImages.Refusal.NOT_AN_IMAGE);
	}

	@Test
	void aDecompressionBombIsRefusedFromItsHeaderBeforeAnyDecoding() throws Exception {
		byte[] bomb = TestPhotos.pngBomb(20_000, 20_000);
		assertThat(bomb.length).as("a small file").isLessThan(200_000);
		long started = System.nanoTime();
		refused(bomb, PhotoImages.Refusal.TOO_MANY_PIXELS);
		// Decoding 400 megapixels would take seconds; reading the header takes none.
		assertThat((System.nanoTime() - started) / 1_000_000).as("milliseconds").isLessThan(2_000);
	}

	@Test
	void aGifIsAnImageButNotAPhotoWeTake() throws Exception {
		refused(TestPhotos.gif(40, 30), PhotoImages.Refusal.UNSUPPORTED_FORMAT);
	}

	@Test
	void largePhotosAreDecodedSubsampledWithinTheBudget() {
		assertThat(PhotoImages.subsampling(4032, 3024, 3)).as("12 MP phone photo: whole").isOne();
		assertThat(PhotoImages.subsampling(8064, 6048, 3)).as("48 MP: every second pixel").isEqualTo(2);
		assertThat(PhotoImages.subsampling(4095, 4095, 4)).as("square RGBA PNG").isEqualTo(2);
		assertThat(PhotoImages.subsampling(4032, 3024, 8)).as("16-bit RGBA PNG").isEqualTo(2);
		for (long[] size : new long[][] { { 4032, 3024, 3 }, { 8160, 6120, 3 }, { 7071, 7071, 8 } }) {
			int s = PhotoImages.subsampling(size[0], size[1], (int) size[2]);
			long decodedBytes = ((size[0] + s - 1) / s) * ((size[1] + s - 1) / s) * size[2];
			assertThat(decodedBytes).isLessThanOrEqualTo(PhotoImages.DECODE_BUDGET_BYTES);
		}
	}

	private PhotoImages.Processed process(byte[] upload) throws Exception {
		return PhotoImages.process(file(upload), LONDON, this.now);
	}

	private void refused(byte[] upload, PhotoImages.Refusal refusal) throws IOException {
		Path file = file(upload);
		assertThatThrownBy(() -> PhotoImages.process(file, LONDON, this.now)).isInstanceOfSatisfying(
				PhotoImages.RefusedException.class,
				(ex) -> assertThat(ex.refusal()).as(ex.getMessage()).isEqualTo(refusal));
	}

	private Path file(byte[] upload) throws IOException {
		return Files.write(Files.createTempFile(this.dir, "upload", ".jpg"), upload);
	}

	private static boolean reddish(int rgb) {
		Color c = new Color(rgb);
		return c.getRed() > 180 && c.getBlue() < 90 && c.getGreen() < 90;
	}

	private static boolean bluish(int rgb) {
		Color c = new Color(rgb);
		return c.getBlue() > 120 && c.getRed() < 90 && c.getGreen() < 110;
	}

}
