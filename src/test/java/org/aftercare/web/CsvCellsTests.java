package org.aftercare.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CsvCellsTests {

	@Test
	void cellsASpreadsheetWouldRunAsFormulasGetAQuote() {
		assertThat(CsvCells.neutralise("=HYPERLINK(\"http://x\")")).isEqualTo("'=HYPERLINK(\"http://x\")");
		assertThat(CsvCells.neutralise("+1")).isEqualTo("'+1");
		assertThat(CsvCells.neutralise("-2+3")).isEqualTo("'-2+3");
		assertThat(CsvCells.neutralise("@SUM(1)")).isEqualTo("'@SUM(1)");
		assertThat(CsvCells.neutralise("\tcmd")).isEqualTo("'\tcmd");
		assertThat(CsvCells.neutralise("\rcmd")).isEqualTo("'\rcmd");
	}

	@Test
	void ordinaryTextIsLeftAlone() {
		assertThat(CsvCells.neutralise("Dr Jane Smith")).isEqualTo("Dr Jane Smith");
		assertThat(CsvCells.neutralise("a=b")).isEqualTo("a=b");
		assertThat(CsvCells.neutralise("")).isEmpty();
		assertThat(CsvCells.neutralise(null)).isNull();
	}

}
