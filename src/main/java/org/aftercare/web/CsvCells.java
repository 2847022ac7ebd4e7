package org.aftercare.web;

/**
 * Cells for spreadsheets: text that a spreadsheet would read as a formula (it begins with
 * {@code = + - @}, a tab or a carriage return) gets a leading single quote, so that an
 * injector named {@code =HYPERLINK(...)} is shown, never run (OWASP "CSV injection").
 */
public final class CsvCells {

	private CsvCells() {
	}

	public static String neutralise(String cell) {
		if (cell == null || cell.isEmpty()) {
			return cell;
		}
		char first = cell.charAt(0);
		boolean formula = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t'
				|| first == '\r';
		return formula ? "'" + cell : cell;
	}

}
