package org.aftercare.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * Text a person typed: no NUL bytes or other control characters (PostgreSQL refuses NUL,
 * and the rest only hide things). Line breaks and tabs are allowed where
 * {@link #multiline()} says so.
 */
@Documented
@Constraint(validatedBy = PlainText.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
public @interface PlainText {

	String message() default "{validation.plainText}";

	boolean multiline() default false;

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Validator implements ConstraintValidator<PlainText, String> {

		private boolean multiline;

		@Override
		public void initialize(PlainText annotation) {
			this.multiline = annotation.multiline();
		}

		@Override
		public boolean isValid(String value, ConstraintValidatorContext context) {
			return value == null || isPlain(value, this.multiline);
		}

		public static boolean isPlain(String value, boolean multiline) {
			for (int i = 0; i < value.length(); i++) {
				char c = value.charAt(i);
				boolean lineBreak = c == '\n' || c == '\r' || c == '\t';
				if (lineBreak && multiline) {
					continue;
				}
				if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
					return false;
				}
			}
			return true;
		}

	}

}
