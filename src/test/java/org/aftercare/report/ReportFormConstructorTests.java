package org.aftercare.report;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.util.Arrays;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.junit.jupiter.api.Test;

import org.springframework.beans.BeanUtils;
import org.springframework.format.annotation.DateTimeFormat;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The report form's records bind through canonical constructors whose parameters carry no
 * annotations (the JDK parses them afresh each time Spring asks, several times per
 * parameter per entry), while the constraints and date formats stay on the fields, where
 * validation and binding read them. The behaviour itself (out-of-range values, too-long
 * text, dates that are not dates) is covered by ReportSubmissionTests.
 */
class ReportFormConstructorTests {

	@Test
	void theConstructorsSpringBindsThroughCarryNoParameterAnnotations() {
		for (Class<?> form : new Class<?>[] { ReportForm.class, EntryForm.class }) {
			Constructor<?> constructor = BeanUtils.getResolvableConstructor(form);
			assertThat(constructor.getParameterCount()).isEqualTo(form.getRecordComponents().length);
			assertThat(Arrays.stream(constructor.getParameterAnnotations()).flatMap(Arrays::stream))
				.as("%s's constructor", form.getSimpleName())
				.isEmpty();
		}
	}

	@Test
	void theConstraintsAndFormatsStayOnTheFields() throws NoSuchFieldException {
		Field severity = EntryForm.class.getDeclaredField("severity");
		assertThat(severity.getAnnotation(Max.class).value()).isEqualTo(10);
		Field startedAt = EntryForm.class.getDeclaredField("startedAt");
		assertThat(startedAt.getAnnotation(DateTimeFormat.class).pattern()).isEqualTo(EntryForm.LOCAL_INPUT);
		assertThat(ReportForm.class.getDeclaredField("formToken").getAnnotation(NotNull.class)).isNotNull();
		assertThat(ReportForm.class.getDeclaredField("notes").getAnnotation(Size.class).max()).isEqualTo(2000);
	}

}
