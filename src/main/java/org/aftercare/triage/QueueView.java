package org.aftercare.triage;

import java.util.List;
import java.util.Map;

import org.aftercare.account.AccountSummary;
import org.aftercare.triage.rules.Priority;
import org.aftercare.triage.rules.RuleSettings;

/**
 * The flag queue: the clinic's open flags by priority, its clinicians (the injector
 * filter's choices), the page of flags the filter asked for (null when the filter was
 * refused) and the clinic's rule settings, whose targets the rows count down to.
 */
record QueueView(Map<Priority, Long> counts, List<AccountSummary> clinicians, FlagQueue.Page page,
		RuleSettings settings) {
}
