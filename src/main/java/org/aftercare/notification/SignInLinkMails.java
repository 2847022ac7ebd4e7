package org.aftercare.notification;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
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

/**
 * E-mails a patient's sign-in link, after the commit that issued it, through the durable
 * event publication registry: the request is answered before, and alike whether or not a
 * link goes out.
 */
@Component
class SignInLinkMails {

	private static final DateTimeFormatter EXPIRY = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH);

	private final Mailer mailer;

	private final ClinicService clinics;

	private final String baseUrl;

	SignInLinkMails(Mailer mailer, ClinicService clinics, @Value("${aftercare.base-url}") String baseUrl) {
		this.mailer = mailer;
		this.clinics = clinics;
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

	@ApplicationModuleListener
	void on(SignInLinkRequested request) {
		ClinicSummary clinic = ClinicScope.runInClinic(request.clinicId(), () -> this.clinics.get(request.clinicId()));
		this.mailer.send(List.of(request.email()), "sign-in-link", new Object[0],
				Map.of("name", request.displayName(), "link", this.baseUrl + "/login/link?token=" + request.token(),
						"expires", EXPIRY.format(request.expiresAt().atZone(ZoneId.of(clinic.timeZone())))));
	}

}
