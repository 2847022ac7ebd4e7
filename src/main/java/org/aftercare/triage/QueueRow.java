package org.aftercare.triage;

import java.util.List;
import java.util.UUID;

/**
 * A row of the flag queue as the page shows it: labels, times and the target already in
 * words, so that the template prints fifty rows without fifty times a dozen message
 * lookups and method calls (the rows were most of the queue page's rendering). Public,
 * with plain accessors, so that the template reads them as properties.
 *
 * @param flagId the flag, for the link to its page
 * @param rowClass the row's priority class
 * @param priority the priority's label
 * @param serious whether the flag was recorded as serious
 * @param patientName the patient's full name
 * @param symptoms the flagged symptoms' labels
 * @param rule the rule's label
 * @param evidence the evidence in the patient's words and numbers
 * @param days whole days from treatment to the flag
 * @param injector the injector's name
 * @param target the target in words (time left, overdue by, acknowledged by, resolved),
 * or {@code null}
 * @param overdue whether the target has passed
 * @param raised when the flag was raised, in the clinic's time zone
 */
public record QueueRow(UUID flagId, String rowClass, String priority, boolean serious, String patientName,
		List<String> symptoms, String rule, String evidence, long days, String injector, String target, boolean overdue,
		String raised) {
}
