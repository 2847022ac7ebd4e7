package org.aftercare.triage;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.aftercare.account.AccountService;
import org.aftercare.security.ClinicId;
import org.aftercare.triage.rules.RuleDescription;

/**
 * The flag queue's reads, in one transaction: the queue is the page clinicians keep open
 * all day, and each transaction of its own costs the clinic scope's set-up again.
 */
@Service
class QueuePages {

	private final FlagQueue queue;

	private final Triage triage;

	private final AccountService accounts;

	QueuePages(FlagQueue queue, Triage triage, AccountService accounts) {
		this.queue = queue;
		this.triage = triage;
		this.accounts = accounts;
	}

	/**
	 * The queue as the filter asks for it; with {@code filterValid} false, no page of
	 * flags.
	 */
	@Transactional(readOnly = true)
	QueueView show(ClinicId clinicId, UUID me, QueueFilter filter, boolean filterValid, ZoneId zone) {
		return new QueueView(this.queue.openCounts(clinicId.value()), this.accounts.clinicians(clinicId),
				filterValid ? this.queue.page(clinicId.value(), me, filter, zone) : null,
				filterValid ? this.triage.settingsFor(clinicId.value()) : null);
	}

	/** How many flags were raised since the queue was loaded: its "new flags" notice. */
	@Transactional(readOnly = true)
	long raisedSince(ClinicId clinicId, Instant since) {
		return this.queue.raisedSince(clinicId.value(), since);
	}

	/** Every rule with the clinic's current threshold, for the rules page. */
	@Transactional(readOnly = true)
	List<RuleDescription> rules(ClinicId clinicId) {
		return this.triage.engine().describe(this.triage.settingsFor(clinicId.value()));
	}

}
