package org.aftercare.account;

import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.view.RedirectView;

import org.aftercare.security.CurrentUser;
import org.aftercare.web.Languages;
import org.aftercare.web.PageLanguage;

/**
 * The language switch on every patient's page, signed in or not: the choice is kept in a
 * cookie for the pages before signing in and, for a signed-in patient, saved on their
 * account (their pages and e-mails from then on). Staff pages are English; a staff
 * member's choice changes nothing.
 */
@Controller
class LanguageController {

	private final Languages languages;

	private final PageLanguage pageLanguage;

	private final AccountService accounts;

	LanguageController(Languages languages, PageLanguage pageLanguage, AccountService accounts) {
		this.languages = languages;
		this.pageLanguage = pageLanguage;
		this.accounts = accounts;
	}

	@PostMapping("/language")
	RedirectView switchLanguage(@AuthenticationPrincipal CurrentUser user, @ModelAttribute LanguageForm form,
			HttpServletRequest request, HttpServletResponse response) {
		Optional<Locale> chosen = this.languages.find(form.language());
		if (chosen.isPresent() && (user == null || !user.isStaff())) {
			if (user != null) {
				this.accounts.changeLanguage(user.clinicId(), new AccountId(user.accountId()), chosen.get());
			}
			this.pageLanguage.choose(request, response, chosen.get());
		}
		// Back to the page the switch was on, never to another site.
		RedirectView back = new RedirectView(PageLanguage.safeBack(form.back()), true);
		back.setExpandUriTemplateVariables(false);
		back.setExposeModelAttributes(false);
		return back;
	}

}
