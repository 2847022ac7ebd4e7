package org.aftercare.account;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.aftercare.security.Role;
import org.aftercare.web.Ids;
import org.aftercare.web.Languages;

/**
 * A login of one person in one clinic.
 */
@Entity
@Table(name = "user_account")
class UserAccount {

	@Id
	private UUID id;

	@Column(name = "clinic_id", nullable = false, updatable = false)
	private UUID clinicId;

	@Column(nullable = false, length = 254)
	private String email;

	@Column(name = "password_hash")
	private String passwordHash;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 16)
	private Role role;

	@Column(name = "display_name", nullable = false, length = 120)
	private String displayName;

	@Column(name = "patient_id")
	private UUID patientId;

	private boolean enabled;

	/** A language tag ("es"): the patient's pages and e-mails. Staff ignore it. */
	@Column(nullable = false, length = 35)
	private String language = Languages.DEFAULT.toLanguageTag();

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@Version
	private Long version;

	protected UserAccount() {
	}

	UserAccount(UUID clinicId, String email, String passwordHash, Role role, String displayName, UUID patientId,
			Instant createdAt) {
		this.id = Ids.next();
		this.clinicId = clinicId;
		this.email = normalise(email);
		this.passwordHash = passwordHash;
		this.role = role;
		this.displayName = displayName;
		this.patientId = patientId;
		this.enabled = true;
		this.createdAt = createdAt;
	}

	static String normalise(String email) {
		return email.trim().toLowerCase(Locale.ROOT);
	}

	/** The caller checks that the tag is one of the app's languages. */
	void changeLanguage(String language) {
		if (language == null || language.isBlank()) {
			throw new IllegalArgumentException("a language tag is required");
		}
		this.language = language;
	}

	String language() {
		return this.language;
	}

	/** What the account's e-mails are written in: staff's are English. */
	String mailLanguage() {
		return (this.role == Role.PATIENT) ? this.language : Languages.DEFAULT.toLanguageTag();
	}

	void changePassword(String passwordHash) {
		this.passwordHash = passwordHash;
	}

	/**
	 * Erasure: the login can never be used again, and no longer says whose it was.
	 */
	void erase(String placeholderEmail, String placeholderName) {
		this.email = normalise(placeholderEmail);
		this.displayName = placeholderName;
		this.passwordHash = null;
		this.enabled = false;
	}

	UUID id() {
		return this.id;
	}

	UUID clinicId() {
		return this.clinicId;
	}

	String email() {
		return this.email;
	}

	String passwordHash() {
		return this.passwordHash;
	}

	Role role() {
		return this.role;
	}

	String displayName() {
		return this.displayName;
	}

	UUID patientId() {
		return this.patientId;
	}

	/** Disabling keeps the account (and its history) but refuses every sign-in. */
	void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	boolean enabled() {
		return this.enabled;
	}

}
