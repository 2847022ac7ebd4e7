package org.aftercare.account;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.validation.Errors;

import org.aftercare.security.Passwords;

/**
 * What a new password must be (NIST SP 800-63B): 12 to 128 characters of any kind, no
 * composition rules, not one of the 10,000 most common passwords, and not the user's own
 * e-mail address. The password is judged in Unicode NFC and its characters counted as
 * code points, so an emoji or an "é" counts once however it was typed.
 */
@Component
class PasswordPolicy {

	static final int MIN_LENGTH = 12;

	static final int MAX_LENGTH = 128;

	private static final String COMMON = "security/common-passwords.txt";

	private final Set<String> common;

	PasswordPolicy() {
		this.common = load();
	}

	/** Message codes of the rules the password breaks; empty when it may be used. */
	List<String> problems(String typed, String email) {
		List<String> problems = new ArrayList<>();
		String password = Passwords.normalise(typed);
		if (password == null || password.isBlank()) {
			problems.add("password.required");
			return problems;
		}
		int length = password.codePointCount(0, password.length());
		if (length < MIN_LENGTH || length > MAX_LENGTH) {
			problems.add("password.length");
		}
		if (this.common.contains(password.toLowerCase(Locale.ROOT))) {
			problems.add("password.common");
		}
		if (email != null && !email.isBlank()
				&& password.toLowerCase(Locale.ROOT).contains(email.strip().toLowerCase(Locale.ROOT))) {
			problems.add("password.email");
		}
		return problems;
	}

	/** Adds the first problem, if any, to the form's field. */
	void validate(String password, String email, Errors errors, String field) {
		if (!errors.hasFieldErrors(field)) {
			problems(password, email).stream().findFirst().ifPresent((code) -> errors.rejectValue(field, code));
		}
	}

	private static Set<String> load() {
		Set<String> passwords = new HashSet<>(16_384);
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(new ClassPathResource(COMMON).getInputStream(), StandardCharsets.UTF_8))) {
			reader.lines()
				.filter((line) -> !line.startsWith("#") && !line.isEmpty())
				.map((line) -> Passwords.normalise(line).toLowerCase(Locale.ROOT))
				.forEach(passwords::add);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return Set.copyOf(passwords);
	}

	int commonCount() {
		return this.common.size();
	}

}
