package org.aftercare.account;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import org.aftercare.security.ClinicScope;
import org.aftercare.security.CurrentUser;
import org.aftercare.security.CurrentUsers;

/**
 * The relying party's users for Spring Security's WebAuthn support: one random user
 * handle per login (table {@code passkey_user}), named by the login's e-mail. A disabled
 * or erased login has no user here, so its passkeys sign nobody in. Authenticators send
 * only the handle or the credential id, so lookups run across clinics
 * ({@link ClinicScope.Reason#PASSKEY}) and every write in the login's own clinic.
 */
@Component
class PasskeyUsers implements PublicKeyCredentialUserEntityRepository {

	private static final String ENTITY = """
			SELECT p.user_handle, a.email, a.display_name, a.clinic_id, a.id
			  FROM passkey_user p JOIN user_account a ON a.clinic_id = p.clinic_id AND a.id = p.account_id
			 WHERE a.enabled""";

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Clock clock;

	PasskeyUsers(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	/** A login's passkey user, with where its rows live. */
	record Owner(Bytes handle, String email, String displayName, UUID clinicId, UUID accountId) {

		PublicKeyCredentialUserEntity entity() {
			return ImmutablePublicKeyCredentialUserEntity.builder()
				.id(this.handle)
				.name(this.email)
				.displayName(this.displayName)
				.build();
		}

	}

	@Override
	public PublicKeyCredentialUserEntity findById(Bytes id) {
		Owner owner = ownerOf(id);
		return (owner != null) ? owner.entity() : null;
	}

	Owner ownerOf(Bytes handle) {
		return find("p.user_handle = ?", handle.getBytes());
	}

	@Override
	public PublicKeyCredentialUserEntity findByUsername(String username) {
		Owner owner = find("a.email = ?", UserAccount.normalise(username));
		return (owner != null) ? owner.entity() : null;
	}

	private Owner find(String condition, Object value) {
		return ClinicScope.acrossClinics(ClinicScope.Reason.PASSKEY,
				() -> this.transactions.execute((status) -> this.jdbc.sql(ENTITY + " AND " + condition)
					.param(value)
					.query((rs, n) -> new Owner(new Bytes(rs.getBytes(1)), rs.getString(2), rs.getString(3),
							rs.getObject(4, UUID.class), rs.getObject(5, UUID.class)))
					.optional()
					.orElse(null)));
	}

	/**
	 * Called by Spring Security when a signed-in login first asks to register a passkey:
	 * keeps the handle it made, for the signed-in login only and in its own clinic.
	 */
	@Override
	public void save(PublicKeyCredentialUserEntity userEntity) {
		CurrentUser user = CurrentUsers.current().orElse(null);
		if (user == null || !user.getUsername().equals(UserAccount.normalise(userEntity.getName()))) {
			return;
		}
		ClinicScope.runInClinic(user.clinicId(),
				() -> this.transactions.execute((status) -> this.jdbc.sql("""
						INSERT INTO passkey_user (clinic_id, account_id, user_handle, created_at)
						SELECT clinic_id, id, ?, ? FROM user_account WHERE clinic_id = ? AND id = ? AND enabled
						ON CONFLICT (clinic_id, account_id) DO NOTHING""")
					.params(userEntity.getId().getBytes(), Timestamp.from(this.clock.instant()),
							user.clinicId().value(), user.accountId())
					.update()));
	}

	/** Not used by the sign-in or registration flows; a login's passkeys go with it. */
	@Override
	public void delete(Bytes id) {
		ClinicScope.acrossClinics(ClinicScope.Reason.PASSKEY, () -> this.transactions.execute((status) -> {
			this.jdbc.sql("""
					DELETE FROM passkey WHERE (clinic_id, account_id) IN
					    (SELECT clinic_id, account_id FROM passkey_user WHERE user_handle = ?)""")
				.param(id.getBytes())
				.update();
			return this.jdbc.sql("DELETE FROM passkey_user WHERE user_handle = ?").param(id.getBytes()).update();
		}));
	}

}
