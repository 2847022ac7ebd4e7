package org.aftercare.triage;

import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

import org.aftercare.report.ReportService;
import org.aftercare.report.Symptom;

/**
 * Severity per symptom by day since the treatment (day 0), the worst of each day, over
 * every entry and update of one episode: what the flag page's chart draws. The JSON has
 * the shape {@code severity-chart.js} reads (the patient's recovery chart has the same).
 * A new entry counts on the day it started, an update on the day it was sent.
 *
 * @param days the days that have a point, and day 0 (the treatment)
 * @param series one line per symptom, its values aligned with {@code days} ({@code null}
 * where there is none)
 * @param points the same, as rows
 */
record EpisodeChart(String treatmentLabel, String dayLabel, List<Long> days, List<Series> series, List<Point> points) {

	record Series(String label, List<Integer> values) {
	}

	record Point(long day, Symptom symptom, int severity) {
	}

	static EpisodeChart of(List<ReportService.ReportView> episode, Instant treatedAt, ZoneId zone,
			Function<Symptom, String> labels, String treatmentLabel, String dayLabel) {
		Map<Symptom, TreeMap<Long, Integer>> worst = new EnumMap<>(Symptom.class);
		for (ReportService.ReportView report : episode) {
			for (ReportService.EntryView entry : report.entries()) {
				if (entry.severity() == null) {
					continue;
				}
				Instant at = (entry.updatesEntryId() != null) ? report.submittedAt() : entry.startedAt();
				long day = ChronoUnit.DAYS.between(treatedAt.atZone(zone).toLocalDate(), at.atZone(zone).toLocalDate());
				worst.computeIfAbsent(entry.symptom(), (s) -> new TreeMap<>()).merge(day, entry.severity(), Math::max);
			}
		}
		TreeSet<Long> days = new TreeSet<>();
		days.add(0L);
		worst.values().forEach((byDay) -> days.addAll(byDay.keySet()));
		List<Series> series = new ArrayList<>();
		List<Point> points = new ArrayList<>();
		worst.forEach((symptom, byDay) -> {
			series.add(new Series(labels.apply(symptom), days.stream().map(byDay::get).toList()));
			byDay.forEach((day, severity) -> points.add(new Point(day, symptom, severity)));
		});
		points.sort(Comparator.comparingLong(Point::day).thenComparing(Point::symptom));
		return new EpisodeChart(treatmentLabel, dayLabel, List.copyOf(days), series, points);
	}

}
