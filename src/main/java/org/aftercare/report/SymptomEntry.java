package org.aftercare.report;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.aftercare.web.Ids;

/**
 * One symptom as the patient reported it. Entries are never changed afterwards: an update
 * is a new entry that points at the one it updates, so worsening and persistence can be
 * computed from an honest history.
 */
@Entity
@Table(name = "symptom_entry")
class SymptomEntry {

	@Id
	private UUID id;

	@Column(name = "clinic_id", nullable = false, updatable = false)
	private UUID clinicId;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 40, updatable = false)
	private Symptom symptom;

	@Column(name = "other_description", length = 200, updatable = false)
	private String otherDescription;

	@Column(updatable = false)
	private Short severity;

	@Column(updatable = false)
	private Short interference;

	@Column(name = "started_at", nullable = false, updatable = false)
	private Instant startedAt;

	@Column(nullable = false, updatable = false)
	private boolean ongoing;

	@Column(name = "stopped_at", updatable = false)
	private Instant stoppedAt;

	@Column(name = "pre_existing", nullable = false, updatable = false)
	private boolean preExisting;

	@Column(name = "sudden_worst_ever", updatable = false)
	private Boolean suddenWorstEver;

	@Column(name = "fever_or_stiff_neck", updatable = false)
	private Boolean feverOrStiffNeck;

	@Column(name = "neurological_signs", updatable = false)
	private Boolean neurologicalSigns;

	@Column(name = "updates_entry_id", updatable = false)
	private UUID updatesEntryId;

	@Column(nullable = false, updatable = false)
	private short position;

	protected SymptomEntry() {
	}

	SymptomEntry(UUID clinicId, int position, NewEntry entry, boolean preExisting) {
		this.id = Ids.next();
		this.clinicId = clinicId;
		this.position = (short) position;
		this.symptom = entry.symptom();
		this.otherDescription = entry.otherDescription();
		this.severity = entry.severity() == null ? null : entry.severity().shortValue();
		this.interference = entry.interference() == null ? null : entry.interference().shortValue();
		this.startedAt = entry.startedAt();
		this.ongoing = entry.ongoing();
		this.stoppedAt = entry.ongoing() ? null : entry.stoppedAt();
		this.preExisting = preExisting;
		this.suddenWorstEver = entry.suddenWorstEver();
		this.feverOrStiffNeck = entry.feverOrStiffNeck();
		this.neurologicalSigns = entry.neurologicalSigns();
		this.updatesEntryId = entry.updatesEntryId();
	}

	EntryView view() {
		return new EntryView(this.id, this.symptom, this.otherDescription,
				this.severity == null ? null : this.severity.intValue(),
				this.interference == null ? null : this.interference.intValue(), this.startedAt, this.ongoing,
				this.stoppedAt, this.preExisting, this.suddenWorstEver, this.feverOrStiffNeck, this.neurologicalSigns,
				this.updatesEntryId);
	}

}
