package org.aftercare.treatment;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

import org.aftercare.web.Ids;
import org.aftercare.web.PlainText;

/**
 * The clinician's treatment form: one row per area (units empty where not treated), and
 * the confirmation that the intake and the patient's concerns were reviewed with them,
 * and the form's one-time token.
 */
record TreatmentForm(@NotNull Product product, @Size(max = 40) @PlainText String lotNumber, @Valid List<AreaRow> areas,
		@NotNull UUID injectorId,
		@NotNull @DateTimeFormat(pattern = LOCAL_INPUT,
				fallbackPatterns = "yyyy-MM-dd'T'HH:mm:ss") LocalDateTime treatedAt,
		@NotNull Indication indication, Boolean intakeReviewed, UUID formToken) {

	/** What an {@code <input type="datetime-local">} holds and sends. */
	static final String LOCAL_INPUT = "yyyy-MM-dd'T'HH:mm";

	/**
	 * The most units in one area: above any labelled dose, so a typo rather than a dose.
	 */
	static final String MAX_UNITS = "400";

	static TreatmentForm blank(UUID injectorId, LocalDateTime now) {
		return new TreatmentForm(null, null, rows(List.of()), injectorId, now, Indication.COSMETIC, false, Ids.next());
	}

	/**
	 * The same form with one row per area in the enum's order, whatever the request held,
	 * and a form token (a request without one gets a fresh one: it is then not protected
	 * against a double submit, which only a hand-made request can be).
	 */
	TreatmentForm complete() {
		return new TreatmentForm(this.product, this.lotNumber, rows(this.areas), this.injectorId, this.treatedAt,
				this.indication, this.intakeReviewed, (this.formToken != null) ? this.formToken : Ids.next());
	}

	private static List<AreaRow> rows(List<AreaRow> bound) {
		Map<Area, AreaRow> byArea = new EnumMap<>(Area.class);
		if (bound != null) {
			for (AreaRow row : bound) {
				if (row != null && row.area() != null) {
					byArea.putIfAbsent(row.area(), row);
				}
			}
		}
		List<AreaRow> rows = new ArrayList<>();
		for (Area area : Area.values()) {
			rows.add(byArea.getOrDefault(area, new AreaRow(area, null)));
		}
		return rows;
	}

	boolean anyAreaTreated() {
		return this.areas != null && this.areas.stream().anyMatch((row) -> row != null && row.treated());
	}

	List<AreaUnits> treatedAreas() {
		return this.areas.stream()
			.filter((row) -> row != null && row.treated())
			.map((row) -> new AreaUnits(row.area(), row.units()))
			.toList();
	}

	String trimmedLotNumber() {
		return (this.lotNumber == null || this.lotNumber.isBlank()) ? null : this.lotNumber.strip();
	}

}
