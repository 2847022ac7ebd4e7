package org.aftercare.triage.rules;

/**
 * The rules of CLINICAL.md section 3, each with its title, its "why" (section 3) and the
 * source line of the facts it rests on (section 1), kept close to the wording there so a
 * clinician can check them.
 */
public enum RuleCode {

	R1_DISTANT_SPREAD("Distant spread of toxin effect",
			"Boxed warning: generalised muscle weakness, double or blurred vision, trouble swallowing, speaking or "
					+ "breathing, loss of bladder control, hours to weeks after injection; swallowing and breathing "
					+ "problems can be life-threatening",
			"US labels of Botox Cosmetic, Dysport, Xeomin, Jeuveau, Daxxify (Medication Guide: \"get medical help "
					+ "right away\")"),
	R2_ALLERGIC("Allergic reaction",
			"Allergic reactions: itching, rash, red itchy welts, wheezing, asthma symptoms, dizziness or feeling "
					+ "faint need immediate help",
			"Botox Cosmetic safety information"),
	R3_HEADACHE_RED_FLAG("Headache with a red flag",
			"Secondary-headache red flags (SNOOP): systemic signs (fever, stiff neck), neurological signs, sudden "
					+ "\"thunderclap\"/worst-ever onset",
			"American Headache Society teaching"),
	R4_SEVERE("Severe symptom", "Severe on the 0-10 scale (7-10) or PRO-CTCAE interference grade 3 or more",
			"J Pain 2006 cut points; NCI PRO-CTCAE item library"),
	R5_MODERATE_HEADACHE("Moderate headache still going on",
			"CTCAE grade 2; mild and transient is the expected course (84% resolved within 3 days)",
			"NCI PRO-CTCAE item library; J Cosmet Dermatol 2022, PMID 34897957"),
	R6_PERSISTENT_HEADACHE("Persistent headache",
			"Post-injection headache: 84% resolved within 3 days; about 1% (4 of 320) had a severe, debilitating "
					+ "headache lasting 2 weeks to 1 month",
			"J Cosmet Dermatol 2022, PMID 34897957; Alam et al., J Am Acad Dermatol 2002"),
	R7_WORSENING("Worsening symptom",
			"Alerts on \"severe or worsening\" patient-reported symptoms improve outcomes; a change of 2 or more "
					+ "points on the 0-10 scale is clinically meaningful",
			"Basch et al., J Clin Oncol 2016; PRO-TECT trial; minimal clinically important difference literature"),
	R8_LATE_ONSET_HEADACHE("Late-onset headache",
			"89% of post-injection headaches began within 24 h: attribution needs a look",
			"J Cosmet Dermatol 2022, PMID 34897957"),
	R9_DROOP_OR_ASYMMETRY("Droop or asymmetry",
			"Common local effect that needs assessment; eyelid/brow ptosis typically starts 2-7 days after "
					+ "injection and lasts weeks",
			"review literature on ptosis after glabellar injection"),
	R10_INFECTION("Signs of infection", "Spreading redness and warmth, pus or fever need same-day review",
			"CLINICAL.md section 3 (no section 1 source)"),
	R11_RISK_MODIFIER("Risk factors",
			"Post-injection headache more frequent with hypertension and with \"bunny line\" (nose) injections; "
					+ "neuromuscular disease, another toxin in the last 4 months and recent aminoglycosides raise "
					+ "the risk of serious effects",
			"J Cosmet Dermatol 2022, PMID 34897957; Medication Guides"),
	R12_UNUSUAL("Unusual symptom", "The source article: watch for unusual symptoms", "mission/source-article.txt"),
	R13_NO_REPLY("No reply",
			"Closed-loop follow-up: alert fatigue is the main failure mode, so each alert must fire once and be "
					+ "acknowledged",
			"Basch et al., J Clin Oncol 2016; PRO-TECT trial; OpenClinica rule re-firing bug"),
	R14_SERIOUS("Serious: emergency department or hospital", "Regulatory seriousness criteria (hospitalisation)",
			"regulatory seriousness criteria (FDA MedWatch 3500B, UK Yellow Card)");

	private final String title;

	private final String rationale;

	private final String source;

	RuleCode(String title, String rationale, String source) {
		this.title = title;
		this.rationale = rationale;
		this.source = source;
	}

	/** "R1" .. "R14", as cited in CLINICAL.md and in evidence texts. */
	public String shortCode() {
		return name().substring(0, name().indexOf('_'));
	}

	public String title() {
		return title;
	}

	/** Why the rule exists: the fact it rests on. */
	public String rationale() {
		return rationale;
	}

	/** Where that fact comes from (CLINICAL.md section 1). */
	public String source() {
		return source;
	}

	/**
	 * Whether a finding of this rule is about its symptoms, so R7 and R11's headache
	 * clause may look at it. R14 lists the report's symptoms for context only: a hospital
	 * visit is not "what the rules give for that symptom".
	 */
	boolean triggeredBySymptoms() {
		return this != R11_RISK_MODIFIER && this != R13_NO_REPLY && this != R14_SERIOUS;
	}

}
