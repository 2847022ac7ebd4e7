package org.aftercare.web;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.aftercare.security.CurrentUser;
import org.aftercare.security.Role;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A report draft on a shared phone belongs to one account: its key is stable for that
 * account, different for every other, and gives away neither the e-mail nor the id.
 */
class DraftKeysTests {

	private static final String KEY = "ZGV2ZWxvcG1lbnQtb25seS1rZXktMzItYnl0ZXMhISE=";

	private final DraftKeys keys = new DraftKeys(KEY);

	@Test
	void oneAccountKeepsItsKeyAndAnotherGetsAnother() {
		CurrentUser maria = patient(UUID.randomUUID(), "maria@example.test");
		CurrentUser lucia = patient(UUID.randomUUID(), "lucia@example.test");
		assertThat(this.keys.of(maria)).isEqualTo(new DraftKeys(KEY).of(maria)).isNotEqualTo(this.keys.of(lucia));
	}

	@Test
	void theKeyNamesNeitherTheEmailNorTheAccount() {
		UUID id = UUID.randomUUID();
		String key = this.keys.of(patient(id, "maria@example.test"));
		assertThat(key).matches("[A-Za-z0-9_-]{24}").doesNotContain("maria").doesNotContain(id.toString());
	}

	@Test
	void anotherServerKeyGivesAnotherName() {
		CurrentUser maria = patient(UUID.randomUUID(), "maria@example.test");
		assertThat(new DraftKeys("b3RoZXIta2V5LW9mLXRoaXJ0eS10d28tYnl0ZXMhISE=").of(maria))
			.isNotEqualTo(this.keys.of(maria));
	}

	private static CurrentUser patient(UUID accountId, String email) {
		return new CurrentUser(accountId, UUID.randomUUID(), UUID.randomUUID(), email, "Maria", Role.PATIENT,
				"Europe/London", null, true);
	}

}
