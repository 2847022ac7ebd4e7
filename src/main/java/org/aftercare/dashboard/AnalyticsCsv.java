package org.aftercare.dashboard;

import org.aftercare.web.CsvCells;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The analytics table as CSV: one row per group, then the clinic overall; proportions
 * with four decimals. Every text cell passes {@link CsvCells#neutralise}.
 */
final class AnalyticsCsv {

	static final String[] HEADER = { "group", "treatments", "with symptom", "incidence", "lower", "upper", "signal" };

	private AnalyticsCsv() {
	}

	static void write(AnalyticsResult result, Writer out) {
		CSVFormat format = CSVFormat.DEFAULT.builder().setHeader(HEADER).setRecordSeparator("\r\n").get();
		try (CSVPrinter printer = new CSVPrinter(out, format)) {
			for (AnalyticsResult.Row row : result.groups()) {
				print(printer, row);
			}
			print(printer, result.overall());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void print(CSVPrinter printer, AnalyticsResult.Row row) throws IOException {
		printer.printRecord(CsvCells.neutralise(row.label()), row.treatments(), row.withSymptom(),
				proportion(row.incidence()), proportion(row.lower()), proportion(row.upper()),
				row.signal() ? "yes" : "no");
	}

	private static String proportion(Double value) {
		return value == null ? "" : String.format(Locale.ROOT, "%.4f", value);
	}

}
