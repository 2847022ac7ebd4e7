package org.aftercare.triage;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Consumer;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.aftercare.audit.AuditAction;
import org.aftercare.audit.AuditEvent;
import org.aftercare.audit.AuditLog;
import org.aftercare.security.CurrentUser;
import org.aftercare.web.NotFoundException;

/**
 * What a clinician does with a flag. Each action names the version of the flag the
 * clinician saw: if someone else changed it since, nothing is overwritten
 * ({@link FlagChangedException}). Every action is audited; a clinician's note is kept
 * with the flag's history only, not in the insert-only audit trail, so that it can be
 * erased with the patient.
 */
@Service
public class FlagReview {

	private final FlagRepository flags;

	private final FlagActionRepository actions;

	private final AuditLog audit;

	private final Clock clock;

	FlagReview(FlagRepository flags, FlagActionRepository actions, AuditLog audit, Clock clock) {
		this.flags = flags;
		this.actions = actions;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional
	void acknowledge(CurrentUser user, UUID flagId, long seenVersion) {
		act(user, flagId, seenVersion, AuditAction.FLAG_ACKNOWLEDGED, null, null,
				(flag) -> flag.acknowledge(user.accountId(), now()));
	}

	@Transactional
	void recordContact(CurrentUser user, UUID flagId, long seenVersion, ContactKind kind, String note) {
		act(user, flagId, seenVersion, contact(kind), note, null, (flag) -> flag.requireUnresolved());
	}

	@Transactional
	void requestFollowUp(CurrentUser user, UUID flagId, long seenVersion, String note) {
		act(user, flagId, seenVersion, AuditAction.FLAG_FOLLOW_UP_REQUESTED, note, null,
				(flag) -> flag.requestFollowUp(now()));
	}

	@Transactional
	void resolve(CurrentUser user, UUID flagId, long seenVersion, Resolution resolution) {
		String conclusion = resolution.conclusion();
		String detail = conclusion + ((resolution.note() == null) ? "" : ": " + resolution.note());
		act(user, flagId, seenVersion, AuditAction.FLAG_RESOLVED, detail, conclusion,
				(flag) -> flag.resolve(user.accountId(), now(), resolution.outcome(), resolution.causality(),
						resolution.seriousness(), resolution.criteria(), resolution.note()));
	}

	/**
	 * Resolves a flag as it stands now, for work that shows nobody a page of it: the
	 * local run's demo history. A clinician's page uses {@link #resolve}, which names the
	 * version they saw.
	 */
	@Transactional
	public void resolveAsItStands(CurrentUser user, FlagId flagId, Resolution resolution) {
		Flag flag = this.flags.findByIdAndClinicId(flagId.value(), user.clinicId().value())
			.orElseThrow(() -> new NotFoundException("flag"));
		resolve(user, flagId.value(), flag.version(), resolution);
	}

	@Transactional
	void reopen(CurrentUser user, UUID flagId, long seenVersion, String note) {
		act(user, flagId, seenVersion, AuditAction.FLAG_REOPENED, note, null,
				(flag) -> flag.reopen(user.accountId(), now()));
	}

	private void act(CurrentUser user, UUID flagId, long seenVersion, AuditAction action, String detail,
			String auditDetail, Consumer<Flag> change) {
		Flag flag = this.flags.findByIdAndClinicId(flagId, user.clinicId().value())
			.orElseThrow(() -> new NotFoundException("flag"));
		if (flag.version() != seenVersion) {
			throw new FlagChangedException();
		}
		try {
			change.accept(flag);
		}
		catch (IllegalStateException ex) {
			// A transition the flag's state no longer allows: someone else got there
			// first.
			throw new FlagChangedException();
		}
		// The version rises with every action, so that a page showing the old state
		// cannot overwrite it.
		flag.touch(now());
		this.flags.save(flag);
		// The flag's own history names the action without the audit trail's "FLAG_"
		// prefix.
		this.actions
			.save(new FlagAction(flag, user.accountId(), action.name().substring("FLAG_".length()), detail, now()));
		this.audit.record(new AuditEvent(user.clinicId(), flag.patientId(), action, "flag", flag.id(), auditDetail));
	}

	private static AuditAction contact(ContactKind kind) {
		return switch (kind) {
			case CALLED -> AuditAction.FLAG_CONTACT_CALLED;
			case MESSAGED -> AuditAction.FLAG_CONTACT_MESSAGED;
			case NO_ANSWER -> AuditAction.FLAG_CONTACT_NO_ANSWER;
		};
	}

	private Instant now() {
		return this.clock.instant();
	}

}
