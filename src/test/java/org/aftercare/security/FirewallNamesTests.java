package org.aftercare.security;

import org.junit.jupiter.api.Test;

import org.springframework.security.web.firewall.StrictHttpFirewall;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The firewall's faster name check accepts exactly what Spring Security's default does.
 */
class FirewallNamesTests {

	@Test
	void everyCodePointIsJudgedAsTheDefaultJudgesIt() {
		int refused = 0;
		for (int codePoint = 0; codePoint <= Character.MAX_CODE_POINT; codePoint++) {
			String name = "a" + Character.toString(codePoint) + "b";
			boolean expected = StrictHttpFirewall.ALLOWED_PARAMETER_NAMES.test(name);
			assertThat(FirewallNames.allowed(name)).as("U+%04X", codePoint).isEqualTo(expected);
			assertThat(StrictHttpFirewall.ALLOWED_HEADER_NAMES.test(name)).isEqualTo(expected);
			refused += expected ? 0 : 1;
		}
		// Control characters and unassigned code points exist: the loop compared refusals
		// too, not only acceptances.
		assertThat(refused).isGreaterThan(65);
	}

	@Test
	void namesAsFormsSendThemAndOddOnesAreJudgedAsTheDefaultJudgesThem() {
		String[] names = { "", "entries[23].otherDescription", "_entries[0].chosen", "Content-Type", "naïve", "日本語",
				"emoji\uD83D\uDE00", "lone\uD800surrogate", "\uDC00", "tab\there", "nul\u0000", "del\u007F", "c1\u0085",
				"unassigned\u0378" };
		for (String name : names) {
			assertThat(FirewallNames.allowed(name)).as(name)
				.isEqualTo(StrictHttpFirewall.ALLOWED_PARAMETER_NAMES.test(name));
		}
		assertThat(FirewallNames.allowed("entries[23].otherDescription")).isTrue();
		assertThat(FirewallNames.allowed("nul\u0000")).isFalse();
		assertThat(FirewallNames.allowed("unassigned\u0378")).isFalse();
	}

}
