package org.aftercare.triage;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.aftercare.audit.AuditLog;
import org.aftercare.triage.rules.RuleSettings;

/**
 * Each clinic's rule thresholds; the CLINICAL.md defaults until the clinic's admin
 * changes them.
 */
@Service
class TriageSettingsService {

	private final TriageSettingsRepository settings;

	private final AuditLog audit;

	private final Clock clock;

	TriageSettingsService(TriageSettingsRepository settings, AuditLog audit, Clock clock) {
		this.settings = settings;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	SettingsForm form(UUID clinicId) {
		return this.settings.findById(clinicId).map(TriageSettings::toForm).orElseGet(SettingsForm::defaults);
	}

	@Transactional(readOnly = true)
	RuleSettings ruleSettings(UUID clinicId) {
		return TriageSettings.toRuleSettings(form(clinicId));
	}

	/** Saves new thresholds and audits every changed value (old and new). */
	@Transactional
	void update(UUID clinicId, SettingsForm form) {
		SettingsForm before = form(clinicId);
		TriageSettings row = this.settings.findById(clinicId)
			.orElseGet(() -> new TriageSettings(clinicId, before, this.clock.instant()));
		row.apply(form, this.clock.instant());
		this.settings.save(row);
		List<String> changes = changes(before, form);
		if (!changes.isEmpty()) {
			this.audit.record(new AuditLog.Event(clinicId, null, "TRIAGE_SETTINGS_CHANGED", "triage_settings", clinicId,
					String.join("; ", changes)));
		}
	}

	private static List<String> changes(SettingsForm before, SettingsForm after) {
		List<String> changes = new ArrayList<>();
		var components = SettingsForm.class.getRecordComponents();
		for (var component : components) {
			try {
				Object old = component.getAccessor().invoke(before);
				Object now = component.getAccessor().invoke(after);
				if (!old.equals(now)) {
					changes.add(component.getName() + ": " + old + " -> " + now);
				}
			}
			catch (ReflectiveOperationException ex) {
				throw new IllegalStateException(ex);
			}
		}
		return changes;
	}

}
