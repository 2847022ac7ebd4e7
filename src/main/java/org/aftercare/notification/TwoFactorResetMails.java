package org.aftercare.notification;

import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import org.aftercare.account.TwoFactorReset;
import org.aftercare.clinic.ClinicService;
import org.aftercare.clinic.ClinicSummary;
import org.aftercare.security.ClinicScope;

/**
 * Tells a staff member that an admin reset their two-step login, after the commit that
 * did it, through the durable event publication registry: if they did not ask for it,
 * they know to call the clinic.
 */
@Component
class TwoFactorResetMails {

	private final Mailer mailer;

	private final ClinicService clinics;

	private final String baseUrl;

	TwoFactorResetMails(Mailer mailer, ClinicService clinics, @Value("${aftercare.base-url}") String baseUrl) {
		this.mailer = mailer;
		this.clinics = clinics;
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

	@ApplicationModuleListener
	void on(TwoFactorReset reset) {
		// An event listener has no signed-in user: the clinic comes from the event.
		ClinicSummary clinic = ClinicScope.runInClinic(reset.clinicId(), () -> this.clinics.get(reset.clinicId()));
		this.mailer.send(List.of(reset.email()), "two-factor-reset", new Object[0], Map.of("name", reset.displayName(),
				"clinic", clinic, "enrolAgain", reset.enrolAgain(), "link", this.baseUrl + "/login"));
	}

}
