package org.aftercare.security;

import java.io.Serializable;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in user: who they are, their one clinic and, for a patient, their patient
 * record. Every query about clinic data is scoped by {@link #clinicId()}.
 * <p>
 * The account and patient ids stay plain UUIDs here: their types belong to the
 * {@code account} and {@code patient} modules, which depend on this one. The fields stay
 * UUIDs too, so that a session stored before the typed ids existed still reads.
 */
public final class CurrentUser implements UserDetails, Serializable {

	private static final long serialVersionUID = 1L;

	private final UUID accountId;

	private final UUID clinicId;

	private final UUID patientId;

	private final String email;

	private final String displayName;

	private final Role role;

	private final String timeZone;

	private final transient String passwordHash;

	private final boolean enabled;

	/**
	 * The language a patient chose or their clinician chose for them, a tag ("es");
	 * {@code null} when not known (a session from before it was kept).
	 */
	private final String language;

	/** {@link #timeZone} parsed once: every date on a page asks for it. */
	private transient java.time.ZoneId zone;

	public CurrentUser(UUID accountId, UUID clinicId, UUID patientId, String email, String displayName, Role role,
			String timeZone, String passwordHash, boolean enabled) {
		this(accountId, clinicId, patientId, email, displayName, role, timeZone, passwordHash, enabled, null);
	}

	public CurrentUser(UUID accountId, UUID clinicId, UUID patientId, String email, String displayName, Role role,
			String timeZone, String passwordHash, boolean enabled, String language) {
		this.language = language;
		this.accountId = accountId;
		this.clinicId = clinicId;
		this.patientId = patientId;
		this.email = email;
		this.displayName = displayName;
		this.role = role;
		this.timeZone = timeZone;
		this.passwordHash = passwordHash;
		this.enabled = enabled;
	}

	public UUID accountId() {
		return this.accountId;
	}

	public ClinicId clinicId() {
		return new ClinicId(this.clinicId);
	}

	/** The patient record of a patient account; {@code null} for staff. */
	public UUID patientId() {
		return this.patientId;
	}

	public String displayName() {
		return this.displayName;
	}

	public Role role() {
		return this.role;
	}

	/** The clinic's time zone: every date the user sees is shown in it. */
	public java.time.ZoneId zone() {
		java.time.ZoneId parsed = this.zone;
		if (parsed == null) {
			parsed = java.time.ZoneId.of(this.timeZone);
			this.zone = parsed;
		}
		return parsed;
	}

	/**
	 * The account's language as it was when they signed in, a tag such as "es";
	 * {@code null} when not known. Staff pages ignore it.
	 */
	public String language() {
		return this.language;
	}

	public boolean isStaff() {
		return this.role != Role.PATIENT;
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return List.of(new SimpleGrantedAuthority(this.role.authority()));
	}

	@Override
	public String getPassword() {
		return this.passwordHash;
	}

	@Override
	public String getUsername() {
		return this.email;
	}

	@Override
	public boolean isEnabled() {
		return this.enabled;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof CurrentUser that && this.accountId.equals(that.accountId);
	}

	@Override
	public int hashCode() {
		return this.accountId.hashCode();
	}

	@Override
	public String toString() {
		return "CurrentUser[" + this.accountId + ", " + this.role + "]";
	}

}
