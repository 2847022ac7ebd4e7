package org.aftercare.account;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class LoginController {

	private final SignInLinkService links;

	LoginController(SignInLinkService links) {
		this.links = links;
	}

	@GetMapping("/login")
	String showLoginForm(Model model) {
		model.addAttribute("signInLinkMinutes", this.links.lifetime().toMinutes());
		// After asking for a sign-in link, the address typed is shown again.
		Object typed = model.getAttribute(SignInLinkRequests.TYPED_EMAIL);
		model.addAttribute("signInLinkForm", new EmailForm((typed instanceof String email) ? email : null));
		return "account/login";
	}

}
