package org.aftercare.interop;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import org.aftercare.account.AccountId;
import org.aftercare.account.AccountService;
import org.aftercare.account.AccountSummary;
import org.aftercare.account.Tokens;
import org.aftercare.audit.AuditAction;
import org.aftercare.audit.AuditEvent;
import org.aftercare.audit.AuditLog;
import org.aftercare.security.ClinicId;
import org.aftercare.security.ClinicScope;

/**
 * The clinic's FHIR API clients: created by an admin with a token shown once, listed with
 * their last use, revoked; and the lookup of a request's bearer token.
 */
@Service
class ApiClients {

	private static final Logger log = LoggerFactory.getLogger(ApiClients.class);

	/** The audit trail's actor role for what an API client does. */
	static final String ACTOR_ROLE = "API_CLIENT";

	private final ApiClientRepository clients;

	private final AccountService accounts;

	private final AuditLog audit;

	private final Clock clock;

	private final TransactionTemplate reads;

	private final TransactionTemplate writes;

	ApiClients(ApiClientRepository clients, AccountService accounts, AuditLog audit, Clock clock,
			PlatformTransactionManager transactions) {
		this.clients = clients;
		this.accounts = accounts;
		this.audit = audit;
		this.clock = clock;
		this.reads = new TransactionTemplate(transactions);
		this.reads.setReadOnly(true);
		this.writes = new TransactionTemplate(transactions);
	}

	/** What sending the "Create API client" form did. */
	sealed interface Creation permits Created, CreatedBefore {

	}

	/** A client just created, with the token that is shown this once. */
	record Created(UUID id, String name, String token) implements Creation {
	}

	/**
	 * The client an earlier sending of the same form created: its token was shown on the
	 * answer to that sending and cannot be shown again.
	 */
	record CreatedBefore(UUID id, String name) implements Creation {
	}

	/** One client on the admin's list. */
	record Row(UUID id, String name, Instant createdAt, String createdBy, Instant lastUsedAt, Instant revokedAt) {

		public boolean revoked() {
			return this.revokedAt != null;
		}

	}

	/**
	 * Creates a client of the clinic; only its token's SHA-256 is kept. A form token
	 * already used (a double click, a refresh, Back and send again) creates nothing and
	 * answers the client it created; two sendings racing end in a unique-index violation
	 * for the second, which the caller answers the same way ({@link #createdBy}).
	 */
	@Transactional
	Creation create(ClinicId clinicId, UUID by, String name, UUID formToken) {
		Optional<CreatedBefore> earlier = createdBy(clinicId, formToken);
		if (earlier.isPresent()) {
			return earlier.get();
		}
		String token = Tokens.newToken();
		ApiClient client = this.clients
			.save(new ApiClient(clinicId.value(), name, Tokens.hash(token), by, this.clock.instant(), formToken));
		this.audit
			.record(new AuditEvent(clinicId, null, AuditAction.API_CLIENT_CREATED, "api_client", client.id(), name));
		return new Created(client.id(), name, token);
	}

	/** The client the form with this token created, if it was sent before. */
	@Transactional(readOnly = true)
	Optional<CreatedBefore> createdBy(ClinicId clinicId, UUID formToken) {
		return this.clients.findByClinicIdAndFormToken(clinicId.value(), formToken)
			.map((client) -> new CreatedBefore(client.id(), client.name()));
	}

	/** The clinic's clients, newest first, revoked ones included. */
	@Transactional(readOnly = true)
	List<Row> list(ClinicId clinicId) {
		List<ApiClient> clients = this.clients.findByClinicIdOrderByCreatedAtDesc(clinicId.value());
		Map<UUID, String> creators = this.accounts
			.findAll(clinicId, clients.stream().map((c) -> new AccountId(c.createdBy())).toList())
			.stream()
			.collect(Collectors.toMap((a) -> a.id().value(), AccountSummary::displayName));
		return clients.stream()
			.map((c) -> new Row(c.id(), c.name(), c.createdAt(), creators.getOrDefault(c.createdBy(), ""),
					c.lastUsedAt(), c.revokedAt()))
			.toList();
	}

	@Transactional(readOnly = true)
	Optional<Row> find(ClinicId clinicId, UUID id) {
		return this.clients.findByIdAndClinicId(id, clinicId.value())
			.map((c) -> new Row(c.id(), c.name(), c.createdAt(),
					this.accounts.find(clinicId, new AccountId(c.createdBy()))
						.map(AccountSummary::displayName)
						.orElse(""),
					c.lastUsedAt(), c.revokedAt()));
	}

	/**
	 * Revokes a client of the clinic: its token is refused from the next request on.
	 * @return the client's name; empty when the clinic has no such client
	 */
	@Transactional
	Optional<String> revoke(ClinicId clinicId, UUID id, UUID by) {
		return this.clients.findByIdAndClinicId(id, clinicId.value()).map((client) -> {
			if (client.revoke(by, this.clock.instant())) {
				this.audit.record(new AuditEvent(clinicId, null, AuditAction.API_CLIENT_REVOKED, "api_client",
						client.id(), client.name()));
			}
			return client.name();
		});
	}

	/**
	 * The client a bearer token belongs to, unless it is unknown or revoked. The token is
	 * all there is before the clinic is known, so the lookup (one probe of the unique
	 * index on its SHA-256) runs across clinics, and the rest in the client's clinic. The
	 * last use is written at most once a minute per client.
	 */
	Optional<ApiClientPrincipal> authenticate(String token) {
		String hash = Tokens.hash(token);
		Optional<Lookup> lookup = ClinicScope.acrossClinics(ClinicScope.Reason.API_TOKEN,
				() -> this.reads.execute((status) -> this.clients.findByTokenHash(hash)
					.filter((client) -> !client.isRevoked())
					.map((client) -> new Lookup(
							new ApiClientPrincipal(client.id(), new ClinicId(client.clinicId()), client.name()),
							client.lastUseIsStale(this.clock.instant())))));
		if (lookup.isEmpty()) {
			log.info("FHIR API request with an unknown or revoked token refused");
			return Optional.empty();
		}
		if (lookup.get().stale()) {
			touch(lookup.get().principal());
		}
		return Optional.of(lookup.get().principal());
	}

	private void touch(ApiClientPrincipal principal) {
		Instant now = this.clock.instant();
		ClinicScope.runInClinic(principal.clinicId(), () -> this.writes.executeWithoutResult(
				(status) -> this.clients.touch(principal.clinicId().value(), principal.clientId(), now)));
	}

	private record Lookup(ApiClientPrincipal principal, boolean stale) {
	}

}
