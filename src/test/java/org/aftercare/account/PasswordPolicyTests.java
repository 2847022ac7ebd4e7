package org.aftercare.account;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordPolicyTests {

	private static final String EMAIL = "rosa.lind@example.org";

	private final PasswordPolicy policy = new PasswordPolicy();

	@ParameterizedTest(name = "[{index}] \"{0}\" -> {1}")
	@CsvSource(delimiter = '|', nullValues = "NONE",
			textBlock = """
					eleven char                   | password.length
					twelve chars                  | NONE
					aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa | NONE
					aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa | password.length
					businessbabe1                 | NONE
					contortionist                 | password.common
					CONTORTIONIST                 | password.common
					alllowercase without rules    | NONE
					rosa.lind@example.org         | password.email
					my Rosa.Lind@Example.org key  | password.email
					""")
	void appliesEachRuleAtItsBoundary(String password, String problem) {
		if (problem == null) {
			assertThat(this.policy.problems(password, EMAIL)).isEmpty();
		}
		else {
			assertThat(this.policy.problems(password, EMAIL)).containsExactly(problem);
		}
	}

	@Test
	void blankIsRefused() {
		assertThat(this.policy.problems("            ", EMAIL)).containsExactly("password.required");
		assertThat(this.policy.problems(null, EMAIL)).containsExactly("password.required");
	}

	@Test
	void countsCharactersNotUtf16Units() {
		String twelveEmoji = "🔐".repeat(12);
		assertThat(twelveEmoji.length()).isEqualTo(24);
		assertThat(this.policy.problems(twelveEmoji, EMAIL)).isEmpty();
		assertThat(this.policy.problems("🔐".repeat(11), EMAIL)).containsExactly("password.length");
		assertThat(this.policy.problems("🔐".repeat(128), EMAIL)).isEmpty();
		assertThat(this.policy.problems("🔐".repeat(129), EMAIL)).containsExactly("password.length");
	}

	@Test
	void judgesTheLengthOfComposedAndDecomposedAccentsAlike() {
		String composed = "\u00e9".repeat(11);
		String decomposed = "e\u0301".repeat(11);
		assertThat(decomposed.codePointCount(0, decomposed.length())).isEqualTo(22);
		assertThat(this.policy.problems(composed, EMAIL)).containsExactly("password.length");
		assertThat(this.policy.problems(decomposed, EMAIL)).containsExactly("password.length");
		assertThat(this.policy.problems("\u00e9".repeat(128), EMAIL)).isEmpty();
		assertThat(this.policy.problems("e\u0301".repeat(128), EMAIL)).isEmpty();
	}

	@Test
	void refusesTheUsersEmailHoweverItsAccentsAreTyped() {
		String email = "ren\u00e9e.lind@example.org";
		assertThat(this.policy.problems("my own rene\u0301e.lind@example.org", email))
			.containsExactly("password.email");
	}

	@Test
	void acceptsLongNonAsciiPasswords() {
		String password = "Ünïcödé-пароль-密码-كلمة-🔐".repeat(3);
		assertThat(password.codePointCount(0, password.length())).isGreaterThanOrEqualTo(64);
		assertThat(this.policy.problems(password, EMAIL)).isEmpty();
	}

	@Test
	void bundlesTenThousandCommonPasswords() {
		assertThat(this.policy.commonCount()).isBetween(9_900, 10_000);
		assertThat(this.policy.problems("password", EMAIL)).contains("password.common");
	}

}
