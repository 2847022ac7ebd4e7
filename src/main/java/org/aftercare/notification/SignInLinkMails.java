package org.aftercare.notification;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import org.aftercare.account.SignInLinkRequested;
import org.aftercare.clinic.ClinicService;
import org.aftercare.clinic.ClinicSummary;
import org.aftercare.security.ClinicScope;
import org.aftercare.web.Dates;
import org.aftercare.web.Languages;

/**
 * E-mails a patient's sign-in link, after the commit that issued it, through the durable
 * event publication registry: the request is answered before, and alike whether or not a
 * link goes out.
 */
@Component
class SignInLinkMails {

	private final Mailer mailer;

	private final ClinicService clinics;

	private final String baseUrl;

	private final Languages languages;

	private final Dates dates;

	SignInLinkMails(Mailer mailer, ClinicService clinics, @Value("${aftercare.base-url}") String baseUrl,
			Languages languages, Dates dates) {
		this.languages = languages;
		this.dates = dates;
		this.mailer = mailer;
		this.clinics = clinics;
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

	@ApplicationModuleListener
	void on(SignInLinkRequested request) {
		ClinicSummary clinic = ClinicScope.runInClinic(request.clinicId(), () -> this.clinics.get(request.clinicId()));
		Locale locale = this.languages.of(request.language());
		this.mailer.send(List.of(request.email()), "sign-in-link", new Object[0],
				Map.of("name", request.displayName(), "link", this.baseUrl + "/login/link?token=" + request.token(),
						"expires", this.dates.dateTime(request.expiresAt(), ZoneId.of(clinic.timeZone()), locale)),
				locale);
	}

}
