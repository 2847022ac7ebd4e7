package org.aftercare.clinic;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.aftercare.security.ClinicId;
import org.aftercare.web.Ids;

/**
 * A clinic: the tenant. Nobody ever sees another clinic's data.
 */
@Entity
@Table(name = "clinic")
class Clinic {

	@Id
	private UUID id;

	@Column(nullable = false, length = 120)
	private String name;

	@Column(nullable = false, length = 40)
	private String phone;

	@Column(name = "emergency_number", nullable = false, length = 20)
	private String emergencyNumber;

	@Column(name = "time_zone", nullable = false, length = 64)
	private String timeZone;

	@Column(name = "on_call_emails", length = 1000)
	private String onCallEmails;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	/** The clinic's own aftercare sheet; {@code null} for the default one. */
	@Column(name = "aftercare_sheet", length = 8000)
	private String aftercareSheet;

	/** When check-ins fall due after a treatment: ISO-8601 durations, comma-separated. */
	@Column(name = "check_in_offsets", nullable = false, length = 200, insertable = false)
	private String checkInOffsets;

	/** How long a check-in's link works after the check-in falls due. */
	@Column(name = "check_in_link_hours", nullable = false, insertable = false)
	private Integer checkInLinkHours;

	@Version
	private Long version;

	protected Clinic() {
	}

	Clinic(String name, String phone, String emergencyNumber, String timeZone, Instant createdAt) {
		this.id = Ids.next();
		this.name = name;
		this.phone = phone;
		this.emergencyNumber = emergencyNumber;
		this.timeZone = timeZone;
		this.createdAt = createdAt;
	}

	ClinicSummary summary() {
		return new ClinicSummary(new ClinicId(this.id), this.name, this.phone, this.emergencyNumber, this.timeZone);
	}

	void update(ClinicSettingsChange change) {
		this.name = change.name();
		this.phone = change.phone();
		this.emergencyNumber = change.emergencyNumber();
		this.timeZone = change.timeZone();
		this.onCallEmails = change.onCallEmails();
		if (change.checkInOffsets() != null) {
			this.checkInOffsets = change.checkInOffsets()
				.stream()
				.map(java.time.Duration::toString)
				.collect(java.util.stream.Collectors.joining(","));
		}
		if (change.checkInLinkHours() != null) {
			this.checkInLinkHours = change.checkInLinkHours();
		}
	}

	/** {@code null} for a clinic read before the database filled in its default. */
	Integer checkInLinkHours() {
		return this.checkInLinkHours;
	}

	String onCallEmails() {
		return this.onCallEmails;
	}

	UUID id() {
		return this.id;
	}

	String timeZone() {
		return this.timeZone;
	}

	String aftercareSheet() {
		return this.aftercareSheet;
	}

	/** Replaces the aftercare sheet; {@code null} goes back to the default one. */
	void changeAftercareSheet(String sheet) {
		this.aftercareSheet = sheet;
	}

	String checkInOffsets() {
		return this.checkInOffsets;
	}

}
