package org.aftercare.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.web.webauthn.api.AuthenticatorTransport;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutableCredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCose;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialType;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import org.aftercare.audit.AuditAction;
import org.aftercare.audit.AuditEvent;
import org.aftercare.audit.AuditLog;
import org.aftercare.security.ClinicId;
import org.aftercare.security.ClinicScope;
import org.aftercare.web.Ids;

/**
 * The passkeys registered to each login (table {@code passkey}): public keys only, with
 * the name the user gave, when it was registered and when last used. Spring Security's
 * WebAuthn filters read and write them here; the account page lists and removes them.
 */
@Component
class PasskeyCredentials implements UserCredentialRepository {

	static final int LONGEST_LABEL = 64;

	private static final String COLUMNS = """
			SELECT k.credential_id, u.user_handle, k.public_key, k.signature_count, k.uv_initialized,
			       k.backup_eligible, k.backup_state, k.transports, k.attestation_object,
			       k.attestation_client_data, k.label, k.created_at, k.last_used_at
			  FROM passkey k JOIN passkey_user u ON u.clinic_id = k.clinic_id AND u.account_id = k.account_id
			""";

	private final JdbcClient jdbc;

	private final PasskeyUsers users;

	private final AuditLog audit;

	private final TransactionTemplate transactions;

	private final Clock clock;

	PasskeyCredentials(JdbcClient jdbc, PasskeyUsers users, AuditLog audit, PlatformTransactionManager transactions,
			Clock clock) {
		this.jdbc = jdbc;
		this.users = users;
		this.audit = audit;
		this.transactions = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	/** A passkey as the account page lists it. */
	record Passkey(UUID id, String label, Instant createdAt, Instant lastUsedAt) {
	}

	/**
	 * A new passkey (registration) or the counter and time of one just used (sign-in),
	 * always in the clinic of the login it belongs to.
	 */
	@Override
	public void save(CredentialRecord record) {
		PasskeyUsers.Owner owner = this.users.ownerOf(record.getUserEntityUserId());
		if (owner == null) {
			return;
		}
		ClinicScope.runInClinic(new ClinicId(owner.clinicId()),
				() -> this.transactions.executeWithoutResult((status) -> {
					int updated = this.jdbc
						.sql("""
								UPDATE passkey SET signature_count = ?, uv_initialized = ?, backup_state = ?, last_used_at = ?
								 WHERE clinic_id = ? AND account_id = ? AND credential_id = ?""")
						.params(record.getSignatureCount(), record.isUvInitialized(), record.isBackupState(),
								timestamp(record.getLastUsed()), owner.clinicId(), owner.accountId(),
								record.getCredentialId().getBytes())
						.update();
					if (updated == 0) {
						register(owner, record);
					}
				}));
	}

	private void register(PasskeyUsers.Owner owner, CredentialRecord record) {
		UUID id = Ids.next();
		String label = (record.getLabel() == null || record.getLabel().isBlank()) ? "Passkey"
				: record.getLabel().strip();
		label = label.substring(0, Math.min(label.length(), LONGEST_LABEL));
		this.jdbc.sql("""
				INSERT INTO passkey (id, clinic_id, account_id, credential_id, public_key, signature_count,
				                     uv_initialized, backup_eligible, backup_state, transports, attestation_object,
				                     attestation_client_data, label, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, owner.clinicId(), owner.accountId(), record.getCredentialId().getBytes(),
					record.getPublicKey().getBytes(), record.getSignatureCount(), record.isUvInitialized(),
					record.isBackupEligible(), record.isBackupState(), transports(record.getTransports()),
					bytes(record.getAttestationObject()), bytes(record.getAttestationClientDataJSON()), label,
					Timestamp.from(this.clock.instant()))
			.update();
		this.audit.record(new AuditEvent(new ClinicId(owner.clinicId()), patientOf(owner.clinicId(), owner.accountId()),
				AuditAction.PASSKEY_REGISTERED, "passkey", id, label));
	}

	@Override
	public CredentialRecord findByCredentialId(Bytes credentialId) {
		return ClinicScope.acrossClinics(ClinicScope.Reason.PASSKEY,
				() -> this.transactions.execute((status) -> this.jdbc.sql(COLUMNS + " WHERE k.credential_id = ?")
					.param(credentialId.getBytes())
					.query(PasskeyCredentials::record)
					.optional()
					.orElse(null)));
	}

	@Override
	public List<CredentialRecord> findByUserId(Bytes userId) {
		return ClinicScope.acrossClinics(ClinicScope.Reason.PASSKEY,
				() -> this.transactions.execute((status) -> this.jdbc.sql(COLUMNS + " WHERE u.user_handle = ?")
					.param(userId.getBytes())
					.query(PasskeyCredentials::record)
					.list()));
	}

	/**
	 * Spring Security's own removal endpoint, which checks that the passkey is the
	 * signed-in user's; the account page removes by {@link #remove}.
	 */
	@Override
	public void delete(Bytes credentialId) {
		ClinicScope.acrossClinics(ClinicScope.Reason.PASSKEY,
				() -> this.transactions.execute((status) -> this.jdbc
					.sql("SELECT clinic_id, account_id, id FROM passkey WHERE credential_id = ?")
					.param(credentialId.getBytes())
					.query((rs,
							n) -> new UUID[] { rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
									rs.getObject(3, UUID.class) })
					.optional()))
			.ifPresent((key) -> remove(new ClinicId(key[0]), key[1], key[2]));
	}

	/** The login's passkeys, newest first. */
	List<Passkey> of(ClinicId clinicId, UUID accountId) {
		return ClinicScope.runInClinic(clinicId,
				() -> this.transactions.execute((status) -> this.jdbc.sql("""
						SELECT id, label, created_at, last_used_at FROM passkey
						 WHERE clinic_id = ? AND account_id = ? ORDER BY created_at DESC""")
					.params(clinicId.value(), accountId)
					.query((rs, n) -> new Passkey(rs.getObject(1, UUID.class), rs.getString(2),
							rs.getTimestamp(3).toInstant(), instant(rs.getTimestamp(4))))
					.list()));
	}

	/** Removes one of the login's own passkeys; false when it has no such passkey. */
	boolean remove(ClinicId clinicId, UUID accountId, UUID passkeyId) {
		return ClinicScope.runInClinic(clinicId, () -> this.transactions.execute((status) -> {
			List<String> removed = this.jdbc.sql("""
					DELETE FROM passkey WHERE clinic_id = ? AND account_id = ? AND id = ? RETURNING label""")
				.params(clinicId.value(), accountId, passkeyId)
				.query(String.class)
				.list();
			if (removed.isEmpty()) {
				return false;
			}
			this.audit.record(new AuditEvent(clinicId, patientOf(clinicId.value(), accountId),
					AuditAction.PASSKEY_REMOVED, "passkey", passkeyId, removed.get(0)));
			return true;
		}));
	}

	/** The patient record of a patient's login, for the audit trail; null for staff. */
	private UUID patientOf(UUID clinicId, UUID accountId) {
		return this.jdbc.sql("SELECT patient_id FROM user_account WHERE clinic_id = ? AND id = ?")
			.params(clinicId, accountId)
			.query((rs, n) -> rs.getObject(1, UUID.class))
			.optional()
			.orElse(null);
	}

	private static CredentialRecord record(ResultSet rs, int row) throws SQLException {
		Set<AuthenticatorTransport> transports = Arrays.stream(rs.getString(8).split(","))
			.filter((t) -> !t.isBlank())
			.map(AuthenticatorTransport::valueOf)
			.collect(Collectors.toCollection(LinkedHashSet::new));
		Instant created = rs.getTimestamp(12).toInstant();
		Instant lastUsed = instant(rs.getTimestamp(13));
		return ImmutableCredentialRecord.builder()
			.credentialType(PublicKeyCredentialType.PUBLIC_KEY)
			.credentialId(new Bytes(rs.getBytes(1)))
			.userEntityUserId(new Bytes(rs.getBytes(2)))
			.publicKey(new ImmutablePublicKeyCose(rs.getBytes(3)))
			.signatureCount(rs.getLong(4))
			.uvInitialized(rs.getBoolean(5))
			.backupEligible(rs.getBoolean(6))
			.backupState(rs.getBoolean(7))
			.transports(transports)
			.attestationObject(bytes(rs.getBytes(9)))
			.attestationClientDataJSON(bytes(rs.getBytes(10)))
			.label(rs.getString(11))
			.created(created)
			.lastUsed((lastUsed != null) ? lastUsed : created)
			.build();
	}

	private static String transports(Set<AuthenticatorTransport> transports) {
		return (transports == null) ? ""
				: transports.stream().map(AuthenticatorTransport::getValue).collect(Collectors.joining(","));
	}

	private static byte[] bytes(Bytes bytes) {
		return (bytes != null) ? bytes.getBytes() : null;
	}

	private static Bytes bytes(byte[] bytes) {
		return (bytes != null) ? new Bytes(bytes) : null;
	}

	private static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	private static Timestamp timestamp(Instant instant) {
		return (instant != null) ? Timestamp.from(instant) : null;
	}

}
