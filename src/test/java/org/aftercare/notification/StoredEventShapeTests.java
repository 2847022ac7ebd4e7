package org.aftercare.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.events.core.EventSerializer;

import org.aftercare.AftercareTest;
import org.aftercare.account.AccountId;
import org.aftercare.account.InvitationIssued;
import org.aftercare.account.PasswordResetRequested;
import org.aftercare.account.SignInLinkRequested;
import org.aftercare.account.TwoFactorReset;
import org.aftercare.patient.PatientId;
import org.aftercare.report.CheckInLinkRequested;
import org.aftercare.security.ClinicId;
import org.aftercare.treatment.CheckInId;
import org.aftercare.triage.FlagEscalated;
import org.aftercare.triage.FlagId;
import org.aftercare.triage.FlagRaised;
import org.aftercare.triage.rules.Priority;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The e-mails still waiting in the event publication registry when this version is
 * deployed were stored by the one before, whose events held plain UUIDs: each is read
 * back into the typed event, and a typed event is stored in the same JSON as before, its
 * ids bare strings. The e-mailed links stored before their events carried a language are
 * read as English, the language every e-mail was written in then. Read through the
 * application's own serializer, as the registry reads them on a restart or a retry.
 */
@AftercareTest
class StoredEventShapeTests {

	private static final UUID CLINIC = UUID.fromString("0b4e3f58-5d0c-4e7a-9a51-6f1c2f1a0001");

	private static final UUID PATIENT = UUID.fromString("0b4e3f58-5d0c-4e7a-9a51-6f1c2f1a0002");

	private static final UUID FLAG = UUID.fromString("0b4e3f58-5d0c-4e7a-9a51-6f1c2f1a0003");

	private static final UUID ACCOUNT = UUID.fromString("0b4e3f58-5d0c-4e7a-9a51-6f1c2f1a0004");

	private static final UUID CHECK_IN = UUID.fromString("0b4e3f58-5d0c-4e7a-9a51-6f1c2f1a0005");

	private final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	EventSerializer serializer;

	@Test
	void anAlertStoredBeforeTheTypedIdsIsReadIntoTheTypedEvent() {
		String stored = """
				{"flagId":"%s","clinicId":"%s","patientId":"%s","ruleCode":"R1","priority":"EMERGENCY",
				 "raisedAgain":false}""".formatted(FLAG, CLINIC, PATIENT);
		assertThat(this.serializer.deserialize(stored, FlagRaised.class)).isEqualTo(new FlagRaised(new FlagId(FLAG),
				new ClinicId(CLINIC), new PatientId(PATIENT), "R1", Priority.EMERGENCY, false));
	}

	@Test
	void typedEventsAreStoredWithTheirIdsAsBareUuids() {
		FlagEscalated escalated = new FlagEscalated(new FlagId(FLAG), new ClinicId(CLINIC), new PatientId(PATIENT),
				Priority.HIGH, Priority.EMERGENCY, "R13");
		assertThat(stored(escalated)).containsEntry("flagId", FLAG.toString())
			.containsEntry("clinicId", CLINIC.toString())
			.containsEntry("patientId", PATIENT.toString());
		assertThat(this.serializer.deserialize(this.serializer.serialize(escalated), FlagEscalated.class))
			.isEqualTo(escalated);
	}

	@Test
	void everyDurableEventKeepsItsStoredShape() {
		Instant expires = Instant.parse("2026-03-01T10:00:00Z");
		assertRoundTrip(new InvitationIssued(new ClinicId(CLINIC), new AccountId(ACCOUNT), "p@x.test", "Pat", "t",
				expires, false, PATIENT, "es"), Map.of("clinicId", CLINIC, "accountId", ACCOUNT, "patientId", PATIENT));
		assertRoundTrip(new InvitationIssued(new ClinicId(CLINIC), new AccountId(ACCOUNT), "s@x.test", "Staff", "t",
				expires, true, null, "en"), Map.of("clinicId", CLINIC, "accountId", ACCOUNT));
		assertRoundTrip(new PasswordResetRequested(new ClinicId(CLINIC), new AccountId(ACCOUNT), "p@x.test", "Pat", "t",
				expires, "es"), Map.of("clinicId", CLINIC, "accountId", ACCOUNT));
		assertRoundTrip(new SignInLinkRequested(new ClinicId(CLINIC), new AccountId(ACCOUNT), "p@x.test", "Pat", "t",
				expires, "es"), Map.of("clinicId", CLINIC, "accountId", ACCOUNT));
		assertRoundTrip(new TwoFactorReset(new ClinicId(CLINIC), new AccountId(ACCOUNT), "s@x.test", "Staff", true),
				Map.of("clinicId", CLINIC, "accountId", ACCOUNT));
		assertRoundTrip(new CheckInLinkRequested(new ClinicId(CLINIC), new PatientId(PATIENT), new CheckInId(CHECK_IN),
				Duration.ofDays(3)), Map.of("clinicId", CLINIC, "patientId", PATIENT, "checkInId", CHECK_IN));
		assertRoundTrip(new CheckInReminderDue(new CheckInId(CHECK_IN), new ClinicId(CLINIC), new PatientId(PATIENT),
				Duration.ofDays(1)), Map.of("checkInId", CHECK_IN, "clinicId", CLINIC, "patientId", PATIENT));
	}

	@Test
	void mailLinksStoredBeforeTheyCarriedALanguageAreReadAsEnglish() {
		String link = """
				{"clinicId":"%s","accountId":"%s","email":"p@x.test","displayName":"Pat","token":"t",
				 "expiresAt":"2026-03-01T10:00:00Z"%s}""";
		Instant expires = Instant.parse("2026-03-01T10:00:00Z");
		assertThat(this.serializer.deserialize(link.formatted(CLINIC, ACCOUNT, ""), PasswordResetRequested.class))
			.isEqualTo(new PasswordResetRequested(new ClinicId(CLINIC), new AccountId(ACCOUNT), "p@x.test", "Pat", "t",
					expires, "en"));
		assertThat(this.serializer.deserialize(link.formatted(CLINIC, ACCOUNT, ""), SignInLinkRequested.class))
			.isEqualTo(new SignInLinkRequested(new ClinicId(CLINIC), new AccountId(ACCOUNT), "p@x.test", "Pat", "t",
					expires, "en"));
		assertThat(this.serializer.deserialize(
				link.formatted(CLINIC, ACCOUNT, ",\"staff\":false,\"patientId\":\"" + PATIENT + "\""),
				InvitationIssued.class))
			.isEqualTo(new InvitationIssued(new ClinicId(CLINIC), new AccountId(ACCOUNT), "p@x.test", "Pat", "t",
					expires, false, PATIENT, "en"));
	}

	@Test
	void aMailLinksLanguageIsStoredWithIt() {
		assertThat(stored(new SignInLinkRequested(new ClinicId(CLINIC), new AccountId(ACCOUNT), "p@x.test", "Pat", "t",
				Instant.parse("2026-03-01T10:00:00Z"), "es")))
			.containsEntry("language", "es");
	}

	private void assertRoundTrip(Object event, Map<String, UUID> ids) {
		Map<String, Object> stored = stored(event);
		ids.forEach((name, id) -> assertThat(stored).as(name).containsEntry(name, id.toString()));
		assertThat(this.serializer.deserialize(this.serializer.serialize(event), event.getClass())).isEqualTo(event);
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> stored(Object event) {
		return this.json.readValue(this.serializer.serialize(event).toString(), Map.class);
	}

}
