package org.aftercare.interop;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import org.aftercare.triage.Outcome;
import org.aftercare.triage.Seriousness;

/**
 * A regulator's report laid out as a draft on A4: the form's own sections and labels,
 * each field filled from the case or left as an empty box marked "not held by Aftercare",
 * under a notice that it is a draft for the reporter to check and to submit on the
 * regulator's own form. The labels are the regulator's, in English, as its form has them.
 * DejaVu Sans is embedded (its subset), so that any name prints, accents and all.
 */
final class RegulatorPdf {

	static final String NOT_HELD = "not held by Aftercare";

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);

	private static final float MARGIN = 50;

	private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;

	private static final float SIZE = 9.5f;

	private static final float LEADING = 12.5f;

	private final ReportingScheme form;

	private final RegulatorCase c;

	private PDDocument document;

	private PDFont regular;

	private PDFont bold;

	private PDPageContentStream page;

	private float y;

	RegulatorPdf(ReportingScheme form, RegulatorCase c) {
		this.form = form;
		this.c = c;
	}

	byte[] render() {
		try (PDDocument pdf = new PDDocument()) {
			this.document = pdf;
			this.regular = font(pdf, "/fonts/DejaVuSans.ttf");
			this.bold = font(pdf, "/fonts/DejaVuSans-Bold.ttf");
			PDDocumentInformation info = pdf.getDocumentInformation();
			info.setTitle("DRAFT " + this.form.title());
			info.setCreator("Aftercare");
			newPage();
			draftNotice();
			if (this.form == ReportingScheme.MEDWATCH_3500) {
				medWatch();
			}
			else {
				yellowCard();
			}
			this.page.close();
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			pdf.save(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void draftNotice() throws IOException {
		text(this.bold, 15, "DRAFT: " + this.form.title());
		this.y -= 4;
		String where = (this.form == ReportingScheme.MEDWATCH_3500)
				? "the FDA's own MedWatch Form 3500 (online at www.fda.gov/medwatch, or the PDF form)"
				: "the MHRA's own Yellow Card (online at yellowcard.mhra.gov.uk, or the Yellow Card app)";
		box(List.of("This is a draft for the reporter to check and submit. It is not the regulator's form.",
				"Aftercare filled it from its records of case " + this.c.caseId() + ". Check every field, complete "
						+ "the empty boxes (\"" + NOT_HELD + "\"), and submit the report on " + where + "."),
				true);
		this.y -= 6;
	}

	private void medWatch() throws IOException {
		section("Section A. Patient information");
		field("A1. Patient identifier (initials)", this.c.patientInitials());
		field("A2. Age at time of event", age());
		field("A3. Sex", this.c.sex());
		field("A4. Weight", null);
		field("A5. Ethnicity / race", null);
		section("Section B. Adverse event, product problem");
		field("B1. Check all that apply", "[X] Adverse event   [ ] Product problem   [ ] Product use / medication error"
				+ "   [ ] Problem with different manufacturer of same medicine");
		field("B2. Outcome attributed to adverse event", medWatchOutcome());
		field("B3. Date of event", date(this.c.eventDate()));
		field("B4. Date of this report", date(this.c.reportDate()));
		field("B5. Describe event or problem", this.c.description());
		field("B6. Relevant tests / laboratory data, including dates", null);
		field("B7. Other relevant history, including pre-existing medical conditions", this.c.history());
		section("Section C. Product availability");
		field("C1. Product available for evaluation?", null);
		section("Section D. Suspect products");
		field("D1. Name, strength, manufacturer / compounder", this.c.product());
		field("D1. Lot number", this.c.lot());
		field("D2. Is this a combination product?", "No");
		field("D3. Dose or amount, frequency, route", this.c.dose() + " Once. Route: " + this.c.route() + ".");
		field("D4. Dates of use (start, stop) / therapy duration",
				date(this.c.treatedOn()) + " (a single treatment session)");
		field("D5. Diagnosis or reason for use (indication)", this.c.indication());
		field("D6. Product type (OTC, compounded, generic, biosimilar)", null);
		field("D7. Expiration date", null);
		field("D8. Event abated after use stopped or dose reduced?", "Does not apply: a single treatment");
		field("D9. Event reappeared after reintroduction?", "Does not apply: a single treatment");
		section("Section E. Suspect medical device");
		field("E. Suspect medical device", "Does not apply: the suspect product is a medicine");
		section("Section F. Other (concomitant) medical products");
		field("F. Product names and therapy dates", this.c.otherMedicines());
		section("Section G. Reporter");
		field("G1. Name", this.c.reporterName());
		field("G1. Address", null);
		field("G1. Facility", this.c.clinicName());
		field("G1. Phone", this.c.clinicPhone());
		field("G1. E-mail", this.c.reporterEmail());
		field("G2. Health professional?", "Yes");
		field("G3. Occupation", null);
		field("G4. Also reported to", null);
	}

	private void yellowCard() throws IOException {
		section("Patient details");
		field("Patient initials", this.c.patientInitials());
		field("Sex", this.c.sex());
		field("Age at time of reaction", age());
		field("Weight (kg)", null);
		field("Local identification number (your own reference)", this.c.caseId());
		section("Suspected reaction(s)");
		field("Reaction(s)", this.c.event());
		field("Description", this.c.description());
		field("Date reaction started", date(this.c.eventDate()));
		field("Date reaction stopped", date(this.c.eventStopped()));
		field("Outcome", yellowCardOutcome());
		field("Was the reaction serious?", yellowCardSeriousness());
		section("Suspected medicine(s)");
		field("Medicine (brand name if known)", this.c.product());
		field("Batch number", this.c.lot());
		field("Route", this.c.route());
		field("Dosage", this.c.dose());
		field("Date started", date(this.c.treatedOn()));
		field("Date stopped", date(this.c.treatedOn()) + " (a single treatment session)");
		field("Reason for use", this.c.indication());
		section("Other medicines");
		field("Other medicines taken in the last 3 months, including self-medication", this.c.otherMedicines());
		section("Additional relevant information");
		field("Medical history, allergies, other relevant information", this.c.history());
		field("Test results", null);
		section("Reporter details");
		field("Name", this.c.reporterName());
		field("Organisation", this.c.clinicName());
		field("Address", null);
		field("Telephone", this.c.clinicPhone());
		field("E-mail", this.c.reporterEmail());
		field("Profession", null);
	}

	private String age() {
		return (this.c.ageAtEvent() != null) ? this.c.ageAtEvent() + " years" : null;
	}

	private String medWatchOutcome() {
		if (!this.c.serious()) {
			return (this.c.outcome() != null) ? "Not serious (clinician's assessment)" : null;
		}
		List<String> ticked = new ArrayList<>();
		ticked.add(tick(false, "Death"));
		ticked.add(tick(this.c.criteria().contains(Seriousness.Criterion.LIFE_THREATENING), "Life-threatening"));
		ticked.add(tick(this.c.criteria().contains(Seriousness.Criterion.HOSPITALISATION),
				"Hospitalization (initial or prolonged)"));
		ticked
			.add(tick(this.c.criteria().contains(Seriousness.Criterion.DISABILITY), "Disability or permanent damage"));
		ticked.add(tick(false, "Congenital anomaly / birth defects"));
		ticked.add(tick(this.c.criteria().contains(Seriousness.Criterion.OTHER_MEDICALLY_IMPORTANT)
				|| this.c.criteria().isEmpty(), "Other serious (important medical events)"));
		return String.join("   ", ticked);
	}

	private String yellowCardOutcome() {
		Outcome outcome = this.c.outcome();
		if (outcome == null) {
			return null;
		}
		return switch (outcome) {
			case RESOLVED -> "Recovered";
			case RESOLVING -> "Recovering";
			case ONGOING -> "Continuing";
			case RESOLVED_WITH_SEQUELAE -> "Other: recovered with lasting effects (sequelae)";
			case UNKNOWN -> "Unknown";
		};
	}

	private String yellowCardSeriousness() {
		if (!this.c.serious()) {
			return (this.c.outcome() != null) ? "No" : null;
		}
		List<String> reasons = new ArrayList<>();
		reasons.add(tick(this.c.criteria().contains(Seriousness.Criterion.HOSPITALISATION),
				"Involved or prolonged inpatient hospitalisation"));
		reasons.add(tick(this.c.criteria().contains(Seriousness.Criterion.LIFE_THREATENING), "Life threatening"));
		reasons.add(tick(false, "Congenital abnormality"));
		reasons.add(tick(this.c.criteria().contains(Seriousness.Criterion.DISABILITY), "Disabling or incapacitating"));
		reasons.add(tick(false, "Patient died"));
		reasons.add(tick(this.c.criteria().contains(Seriousness.Criterion.OTHER_MEDICALLY_IMPORTANT)
				|| this.c.criteria().isEmpty(), "Medically significant"));
		return "Yes:   " + String.join("   ", reasons);
	}

	private static String tick(boolean ticked, String label) {
		return (ticked ? "[X] " : "[ ] ") + label;
	}

	private static String date(LocalDate day) {
		return (day != null) ? DATE.format(day) : null;
	}

	private void section(String title) throws IOException {
		need(3 * LEADING);
		this.y -= 6;
		text(this.bold, 11.5f, title);
		// A rule just under the heading, clear of the first label below it.
		this.page.setLineWidth(0.8f);
		this.page.moveTo(MARGIN, this.y + 11);
		this.page.lineTo(MARGIN + WIDTH, this.y + 11);
		this.page.stroke();
		this.y -= 6;
	}

	/** A label and its value, or an empty box that says the app does not hold it. */
	private void field(String label, String value) throws IOException {
		List<String> lines = wrap(this.regular, SIZE, (value != null) ? value : NOT_HELD, WIDTH - 8);
		need(LEADING * (lines.size() + 2));
		text(this.bold, SIZE, label);
		float top = this.y + LEADING - 2;
		float height = LEADING * lines.size() + 4;
		this.page.setLineWidth(0.5f);
		this.page.addRect(MARGIN, top - height, WIDTH, height);
		this.page.stroke();
		float gray = (value != null) ? 0f : 0.45f;
		this.page.setNonStrokingColor(gray, gray, gray);
		for (String line : lines) {
			write(this.regular, SIZE, MARGIN + 4, this.y, line);
			this.y -= LEADING;
		}
		this.page.setNonStrokingColor(0f, 0f, 0f);
		this.y -= 8;
	}

	private void box(List<String> paragraphs, boolean strong) throws IOException {
		List<String> lines = new ArrayList<>();
		for (String paragraph : paragraphs) {
			lines.addAll(wrap(this.regular, SIZE + 0.5f, paragraph, WIDTH - 12));
		}
		float height = LEADING * lines.size() + 10;
		need(height + LEADING);
		float top = this.y + LEADING - 2;
		this.page.setLineWidth(strong ? 1.5f : 0.5f);
		this.page.addRect(MARGIN, top - height, WIDTH, height);
		this.page.stroke();
		this.y -= 3;
		for (String line : lines) {
			write(this.regular, SIZE + 0.5f, MARGIN + 6, this.y, line);
			this.y -= LEADING;
		}
		this.y -= 8;
	}

	private void text(PDFont font, float size, String text) throws IOException {
		for (String line : wrap(font, size, text, WIDTH)) {
			write(font, size, MARGIN, this.y, line);
			this.y -= size + 4;
		}
	}

	private void write(PDFont font, float size, float x, float at, String line) throws IOException {
		this.page.beginText();
		this.page.setFont(font, size);
		this.page.newLineAtOffset(x, at);
		this.page.showText(line);
		this.page.endText();
	}

	private void need(float height) throws IOException {
		if (this.y - height < MARGIN) {
			this.page.close();
			newPage();
		}
	}

	private void newPage() throws IOException {
		PDPage next = new PDPage(PDRectangle.A4);
		this.document.addPage(next);
		this.page = new PDPageContentStream(this.document, next);
		this.y = PDRectangle.A4.getHeight() - MARGIN;
		int number = this.document.getNumberOfPages();
		this.page.setNonStrokingColor(0.45f, 0.45f, 0.45f);
		write(this.regular, 8, MARGIN, MARGIN / 2,
				"DRAFT for the reporter to check and submit - " + this.form.title() + " - page " + number);
		this.page.setNonStrokingColor(0f, 0f, 0f);
	}

	/** Splits text into lines that fit the width, at spaces where it can. */
	static List<String> wrap(PDFont font, float size, String text, float width) throws IOException {
		List<String> lines = new ArrayList<>();
		for (String paragraph : text.replace("\r", "").split("\n")) {
			StringBuilder line = new StringBuilder();
			for (String word : paragraph.split(" ")) {
				String candidate = line.isEmpty() ? word : line + " " + word;
				if (font.getStringWidth(candidate) / 1000 * size <= width) {
					line.setLength(0);
					line.append(candidate);
					continue;
				}
				if (!line.isEmpty()) {
					lines.add(line.toString());
				}
				line.setLength(0);
				String rest = word;
				while (font.getStringWidth(rest) / 1000 * size > width && rest.length() > 1) {
					int cut = rest.length() - 1;
					while (cut > 1 && font.getStringWidth(rest.substring(0, cut)) / 1000 * size > width) {
						cut--;
					}
					lines.add(rest.substring(0, cut));
					rest = rest.substring(cut);
				}
				line.append(rest);
			}
			lines.add(line.toString());
		}
		return lines;
	}

	private static PDFont font(PDDocument pdf, String resource) throws IOException {
		try (InputStream in = RegulatorPdf.class.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IOException("font missing: " + resource);
			}
			return PDType0Font.load(pdf, in);
		}
	}

}
