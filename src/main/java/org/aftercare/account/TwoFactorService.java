package org.aftercare.account;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.aftercare.audit.AuditAction;
import org.aftercare.audit.AuditEvent;
import org.aftercare.audit.AuditLog;
import org.aftercare.security.ClinicId;
import org.aftercare.security.CurrentUser;
import org.aftercare.security.TwoFactorCheck;

/**
 * Two-factor authentication of staff: TOTP secrets, one-time recovery codes, and whether
 * a clinic requires it. A code is accepted once (the last accepted time step is kept, and
 * moved forward in the same UPDATE that accepts), so a code seen over a shoulder is
 * useless.
 */
@Service
class TwoFactorService implements TwoFactorCheck {

	private static final Logger log = LoggerFactory.getLogger(TwoFactorService.class);

	static final int RECOVERY_CODES = 10;

	private static final String RECOVERY_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final Clock clock;

	private final SecretBox box;

	TwoFactorService(JdbcClient jdbc, AuditLog audit, Clock clock, SecretBox box) {
		this.box = box;
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	@Override
	@Transactional(readOnly = true)
	public SecondStep afterPassword(CurrentUser user) {
		if (!user.isStaff()) {
			return SecondStep.NONE;
		}
		if (enrolled(user.accountId())) {
			return SecondStep.VERIFY;
		}
		return required(user.clinicId()) ? SecondStep.ENROL : SecondStep.NONE;
	}

	@Transactional(readOnly = true)
	boolean enrolled(UUID accountId) {
		return this.jdbc.sql("SELECT count(*) FROM two_factor WHERE account_id = ?")
			.param(accountId)
			.query(Long.class)
			.single() > 0;
	}

	@Transactional(readOnly = true)
	boolean required(ClinicId clinicId) {
		return this.jdbc.sql("SELECT require_two_factor FROM clinic_security WHERE clinic_id = ?")
			.param(clinicId.value())
			.query(Boolean.class)
			.optional()
			.orElse(false);
	}

	@Transactional
	void require(ClinicId clinicId, boolean required) {
		this.jdbc.sql("""
				INSERT INTO clinic_security (clinic_id, require_two_factor) VALUES (?, ?)
				ON CONFLICT (clinic_id) DO UPDATE SET require_two_factor = EXCLUDED.require_two_factor
				""").params(clinicId.value(), required).update();
		this.audit.record(new AuditEvent(clinicId, null, AuditAction.TWO_FACTOR_POLICY, "clinic", clinicId.value(),
				required ? "required for staff" : "optional"));
	}

	/**
	 * Accepts a code from the authenticator app or an unused recovery code, once.
	 */
	@Transactional
	boolean verify(ClinicId clinicId, UUID accountId, String typed) {
		String code = (typed == null) ? "" : typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
		if (code.matches("\\d{6}")) {
			Optional<String> secret = this.jdbc
				.sql("SELECT secret FROM two_factor WHERE clinic_id = ? AND account_id = ?")
				.params(clinicId.value(), accountId)
				.query(String.class)
				.optional();
			OptionalLong step = secret.map((s) -> Totp.matchingStep(this.box.open(s), code, this.clock.instant()))
				.orElse(OptionalLong.empty());
			return step.isPresent() && this.jdbc.sql("""
					UPDATE two_factor SET last_step = ? WHERE clinic_id = ? AND account_id = ? AND last_step < ?
					""").params(step.getAsLong(), clinicId.value(), accountId, step.getAsLong()).update() == 1;
		}
		boolean used = code.length() == 16 && this.jdbc.sql("""
				UPDATE recovery_code SET used_at = ?
				WHERE clinic_id = ? AND account_id = ? AND code_hash = ? AND used_at IS NULL
				""")
			.params(Timestamp.from(this.clock.instant()), clinicId.value(), accountId, Tokens.hash(code))
			.update() == 1;
		if (used) {
			log.info("Recovery code used by account {}", accountId);
		}
		return used;
	}

	/**
	 * Confirms a new secret with a code from it and replaces any earlier secret and
	 * recovery codes. Returns the new recovery codes, shown once; empty when the code was
	 * wrong.
	 */
	@Transactional
	Optional<List<String>> enrol(ClinicId clinicId, UUID accountId, String secret, String typed) {
		String code = (typed == null) ? "" : typed.replaceAll("\\s", "");
		Instant now = this.clock.instant();
		OptionalLong step = Totp.matchingStep(secret, code, now);
		if (step.isEmpty()) {
			return Optional.empty();
		}
		this.jdbc.sql("""
				INSERT INTO two_factor (clinic_id, account_id, secret, confirmed_at, last_step) VALUES (?, ?, ?, ?, ?)
				ON CONFLICT (clinic_id, account_id) DO UPDATE
				SET secret = EXCLUDED.secret, confirmed_at = EXCLUDED.confirmed_at, last_step = EXCLUDED.last_step
				""")
			.params(clinicId.value(), accountId, this.box.seal(secret), Timestamp.from(now), step.getAsLong())
			.update();
		List<String> codes = replaceRecoveryCodes(clinicId.value(), accountId);
		this.audit
			.record(new AuditEvent(clinicId, null, AuditAction.TWO_FACTOR_ENROLLED, "user_account", accountId, null));
		log.info("Two-factor authentication enrolled for account {}", accountId);
		return Optional.of(codes);
	}

	/**
	 * New recovery codes for an enrolled staff member; the earlier ones stop working.
	 * Returns them, shown once.
	 */
	@Transactional
	List<String> renewRecoveryCodes(ClinicId clinicId, UUID accountId) {
		List<String> codes = replaceRecoveryCodes(clinicId.value(), accountId);
		this.audit.record(new AuditEvent(clinicId, null, AuditAction.TWO_FACTOR_RECOVERY_CODES_RENEWED, "user_account",
				accountId, null));
		log.info("Recovery codes renewed for account {}", accountId);
		return codes;
	}

	/**
	 * The staff member turns two-factor authentication off; refused (false) while their
	 * clinic requires it.
	 */
	@Transactional
	boolean turnOff(ClinicId clinicId, UUID accountId) {
		if (required(clinicId)) {
			return false;
		}
		clear(clinicId.value(), accountId);
		this.audit
			.record(new AuditEvent(clinicId, null, AuditAction.TWO_FACTOR_DISABLED, "user_account", accountId, null));
		log.info("Two-factor authentication turned off by account {}", accountId);
		return true;
	}

	/**
	 * An admin resets a staff member's second factor (a lost phone): the seed and the
	 * recovery codes go; where the clinic requires it, the member enrols again at their
	 * next login.
	 */
	@Transactional
	void reset(ClinicId clinicId, UUID accountId) {
		int seeds = clear(clinicId.value(), accountId);
		this.audit.record(new AuditEvent(clinicId, null, AuditAction.TWO_FACTOR_RESET, "user_account", accountId,
				(seeds > 0) ? null : "was not enrolled"));
		log.info("Two-factor authentication of account {} reset by an admin", accountId);
	}

	/** The staff of the clinic who have a second factor. */
	@Transactional(readOnly = true)
	Set<UUID> enrolledIn(ClinicId clinicId) {
		return Set.copyOf(this.jdbc.sql("SELECT account_id FROM two_factor WHERE clinic_id = ?")
			.param(clinicId.value())
			.query(UUID.class)
			.list());
	}

	@Transactional(readOnly = true)
	long unusedRecoveryCodes(ClinicId clinicId, UUID accountId) {
		return this.jdbc
			.sql("SELECT count(*) FROM recovery_code WHERE clinic_id = ? AND account_id = ? AND used_at IS NULL")
			.params(clinicId.value(), accountId)
			.query(Long.class)
			.single();
	}

	private int clear(UUID clinicId, UUID accountId) {
		this.jdbc.sql("DELETE FROM recovery_code WHERE clinic_id = ? AND account_id = ?")
			.params(clinicId, accountId)
			.update();
		return this.jdbc.sql("DELETE FROM two_factor WHERE clinic_id = ? AND account_id = ?")
			.params(clinicId, accountId)
			.update();
	}

	private List<String> replaceRecoveryCodes(UUID clinicId, UUID accountId) {
		this.jdbc.sql("DELETE FROM recovery_code WHERE clinic_id = ? AND account_id = ?")
			.params(clinicId, accountId)
			.update();
		List<String> codes = new ArrayList<>();
		for (int i = 0; i < RECOVERY_CODES; i++) {
			String raw = newRecoveryCode();
			this.jdbc.sql("INSERT INTO recovery_code (clinic_id, account_id, code_hash) VALUES (?, ?, ?)")
				.params(clinicId, accountId, Tokens.hash(raw))
				.update();
			codes.add(raw.replaceAll("(.{4})(?!$)", "$1-"));
		}
		return codes;
	}

	/** 16 characters from a 32-letter alphabet without look-alikes: 80 random bits. */
	private static String newRecoveryCode() {
		StringBuilder code = new StringBuilder();
		for (int i = 0; i < 16; i++) {
			code.append(RECOVERY_ALPHABET.charAt(RANDOM.nextInt(RECOVERY_ALPHABET.length())));
		}
		return code.toString();
	}

}
