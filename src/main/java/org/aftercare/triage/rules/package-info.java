/**
 * The clinical rule engine of CLINICAL.md section 3: plain Java, no Spring, no database.
 *
 * <p>
 * Entry points: {@link org.aftercare.triage.rules.RuleEngine#standard()} evaluates a new
 * report ({@link org.aftercare.triage.rules.Evaluation}) into
 * {@link org.aftercare.triage.rules.Finding}s;
 * {@link org.aftercare.triage.rules.Advice#of(java.util.List)} turns them into the
 * patient's advice (section 4); {@link org.aftercare.triage.rules.NoReplyRule#check} is
 * the scheduled R13 check on an open flag. Every function here is pure: time comes in as
 * {@code now}.
 */
@org.springframework.modulith.NamedInterface("rules")
package org.aftercare.triage.rules;
