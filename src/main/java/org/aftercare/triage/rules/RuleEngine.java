package org.aftercare.triage.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Evaluates a new report against the rules of CLINICAL.md section 3: first the rules on
 * the report itself, then R7 (worsening, which needs their priorities), then R11 (risk
 * factors, which raises all of them, R7's included). Confounders never take part in a
 * priority: they only travel beside each finding.
 */
public final class RuleEngine {

	private final List<Rule> rules;

	private final List<FindingModifier> modifiers = List.of(new WorseningRule(), new RiskModifierRule());

	/**
	 * An engine with the given report rules; R7 and R11 are always applied after them.
	 */
	public RuleEngine(List<? extends Rule> rules) {
		this.rules = List.copyOf(rules);
	}

	/**
	 * Every rule of CLINICAL.md section 3 (R13 is {@link NoReplyRule}, run on a schedule
	 * instead).
	 */
	public static RuleEngine standard() {
		return new RuleEngine(List.of(new DistantSpreadRule(), new AllergicRule(), new HeadacheRedFlagRule(),
				new SevereRule(), new ModerateHeadacheRule(), new PersistentHeadacheRule(), new LateOnsetHeadacheRule(),
				new DroopOrAsymmetryRule(), new InfectionRule(), new UnusualRule(), new SeriousRule()));
	}

	/**
	 * The findings of a report, highest priority first, at most one per rule; empty when
	 * nothing is flagged.
	 */
	public List<Finding> evaluate(Evaluation evaluation) {
		Objects.requireNonNull(evaluation, "evaluation");
		List<Finding> findings = new ArrayList<>();
		for (Rule rule : rules) {
			rule.evaluate(evaluation).ifPresent(findings::add);
		}
		for (FindingModifier modifier : modifiers) {
			findings = modifier.apply(evaluation, findings);
		}
		return findings.stream()
			.sorted(Comparator.comparing(Finding::priority).reversed().thenComparing(Finding::rule))
			.toList();
	}

	/**
	 * Every rule with its current thresholds, R13 included, in rule-code order: the
	 * transparency page.
	 */
	public List<RuleDescription> describe(RuleSettings settings) {
		Objects.requireNonNull(settings, "settings");
		List<RuleDescription> descriptions = new ArrayList<>();
		for (Rule rule : rules) {
			descriptions.add(RuleDescription.of(rule.code(), rule.description(settings)));
		}
		for (FindingModifier modifier : modifiers) {
			descriptions.add(RuleDescription.of(modifier.code(), modifier.description(settings)));
		}
		descriptions.add(RuleDescription.of(RuleCode.R13_NO_REPLY, NoReplyRule.description(settings)));
		descriptions.sort(Comparator.comparing(RuleDescription::code));
		return List.copyOf(descriptions);
	}

}
