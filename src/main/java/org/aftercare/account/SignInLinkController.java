package org.aftercare.account;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.aftercare.web.PageLanguage;

/**
 * The pages of a sign-in link. Opening the link signs nobody in (mail scanners follow
 * links): it shows one button that posts the token to Spring Security's one-time-token
 * login. Requests for a link are answered by {@link SignInLinkRequests} before they get
 * here; only an address that is not one reaches {@link #requestLink}.
 */
@Controller
class SignInLinkController {

	/** The link's URL holds the token: no page it opens may pass it on. */
	private static final String NO_REFERRER = "no-referrer";

	private final SignInLinkService links;

	private final PageLanguage pageLanguage;

	SignInLinkController(SignInLinkService links, PageLanguage pageLanguage) {
		this.links = links;
		this.pageLanguage = pageLanguage;
	}

	@GetMapping("/login/link")
	String showSignInButton(@RequestParam(required = false) String token, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		response.setHeader("Referrer-Policy", NO_REFERRER);
		Optional<String> language = this.links.language(token);
		if (language.isEmpty()) {
			return unusable(response, model);
		}
		this.pageLanguage.useAccountLanguage(request, language.get(), false);
		model.addAttribute("token", token);
		return "account/sign-in-link";
	}

	@GetMapping("/login/link/unusable")
	String showUnusable(Model model, HttpServletResponse response) {
		return unusable(response, model);
	}

	@PostMapping("/login/link/send")
	String requestLink(@Valid @ModelAttribute("signInLinkForm") EmailForm form, BindingResult result, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		if (result.hasErrors()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("signInLinkMinutes", this.links.lifetime().toMinutes());
			return "account/login";
		}
		// Not reached with an address the generating filter took; answered alike all the
		// same.
		redirect.addFlashAttribute(SignInLinkRequests.TYPED_EMAIL, form.email());
		return "redirect:/login?linkSent";
	}

	private String unusable(HttpServletResponse response, Model model) {
		response.setStatus(HttpStatus.GONE.value());
		model.addAttribute("signInLinkMinutes", this.links.lifetime().toMinutes());
		return "account/sign-in-link-unusable";
	}

}
