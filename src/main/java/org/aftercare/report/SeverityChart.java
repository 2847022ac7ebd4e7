package org.aftercare.report;

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

/**
 * Severity per symptom by day since the treatment (day 0), the worst of each day: what
 * the charts on the patient's recovery page and on a flag's page draw, and the table that
 * says the same in words. A new entry counts on the day it started, an update on the day
 * it was sent.
 *
 * @param days the days that have a point, and day 0 (the treatment)
 * @param series one line per symptom, its values aligned with {@code days} ({@code null}
 * where there is none)
 * @param points the same, as rows for the table
 */
public record SeverityChart(String treatmentLabel, String dayLabel, List<Long> days, List<Series> series,
		List<Point> points) {

	public record Series(String label, List<Integer> values) {
	}

	public record Point(long day, Symptom symptom, int severity) {
	}

	public static SeverityChart of(List<ReportView> episode, Instant treatedAt, ZoneId zone,
			Function<Symptom, String> labels, String treatmentLabel, String dayLabel) {
		Map<Symptom, TreeMap<Long, Integer>> worst = new EnumMap<>(Symptom.class);
		for (ReportView report : episode) {
			for (EntryView entry : report.entries()) {
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
		return new SeverityChart(treatmentLabel, dayLabel, List.copyOf(days), series, points);
	}

}
