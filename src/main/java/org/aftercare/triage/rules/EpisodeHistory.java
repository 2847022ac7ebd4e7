package org.aftercare.triage.rules;

import org.aftercare.report.Symptom;

import java.util.List;
import java.util.Optional;

/**
 * Earlier entries of the same treatment episode, oldest first. An update to an earlier
 * entry is simply a later entry for the same symptom.
 */
public record EpisodeHistory(List<EntryFacts> entries) {

	public EpisodeHistory {
		entries = List.copyOf(entries);
	}

	public static EpisodeHistory empty() {
		return new EpisodeHistory(List.of());
	}

	/**
	 * The latest earlier entry for the symptom that carries a severity score (an update
	 * without one is skipped).
	 */
	public Optional<EntryFacts> lastScored(Symptom symptom) {
		for (int i = entries.size() - 1; i >= 0; i--) {
			EntryFacts entry = entries.get(i);
			if (entry.symptom() == symptom && entry.severity() != null) {
				return Optional.of(entry);
			}
		}
		return Optional.empty();
	}
}
