package org.aftercare.security;

import org.junit.jupiter.api.Test;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

class NormalisingPasswordEncoderTests {

	private static final String COMPOSED = "caf\u00e9 cr\u00e8me br\u00fbl\u00e9e";

	private static final String DECOMPOSED = "cafe\u0301 cre\u0300me bru\u0302le\u0301e";

	private final PasswordEncoder plain = new BCryptPasswordEncoder(4);

	private final PasswordEncoder encoder = new NormalisingPasswordEncoder(this.plain);

	@Test
	void aPasswordSetComposedMatchesWhenTypedDecomposed() {
		assertThat(COMPOSED).isNotEqualTo(DECOMPOSED);
		assertThat(this.encoder.matches(DECOMPOSED, this.encoder.encode(COMPOSED))).isTrue();
	}

	@Test
	void aPasswordSetDecomposedMatchesWhenTypedComposed() {
		assertThat(this.encoder.matches(COMPOSED, this.encoder.encode(DECOMPOSED))).isTrue();
	}

	@Test
	void aDifferentAccentIsADifferentPassword() {
		assertThat(this.encoder.matches("cafe\u0300 cre\u0300me bru\u0302le\u0301e", this.encoder.encode(COMPOSED)))
			.isFalse();
	}

	@Test
	void aHashMadeBeforeNormalisationStillMatchesWhatItWasMadeFrom() {
		String legacy = this.plain.encode(DECOMPOSED);
		assertThat(this.encoder.matches(DECOMPOSED, legacy)).isTrue();
	}

	@Test
	void theApplicationsEncoderNormalises() {
		PasswordEncoder bean = new SecurityConfiguration().passwordEncoder();
		assertThat(bean.matches(DECOMPOSED, bean.encode(COMPOSED))).isTrue();
		assertThat(bean.matches(COMPOSED, bean.encode(DECOMPOSED))).isTrue();
	}

	@Test
	void passwordsAreNormalisedToNfc() {
		assertThat(Passwords.normalise(DECOMPOSED)).isEqualTo(COMPOSED);
		assertThat(Passwords.normalise(COMPOSED)).isSameAs(COMPOSED);
		assertThat(Passwords.normalise(null)).isNull();
	}

}
