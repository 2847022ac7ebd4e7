package org.aftercare.account;

import java.util.UUID;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.aftercare.security.CurrentUser;
import org.aftercare.web.NotFoundException;

/**
 * The signed-in user's own passkeys: listed with name, when added and when last used, and
 * removed one by one. Adding one is the browser's work with Spring Security's WebAuthn
 * endpoints (passkeys.js); this page only starts it.
 */
@Controller
class PasskeyController {

	private final PasskeyCredentials passkeys;

	PasskeyController(PasskeyCredentials passkeys) {
		this.passkeys = passkeys;
	}

	@GetMapping("/account/passkeys")
	String list(@AuthenticationPrincipal CurrentUser user, Model model) {
		model.addAttribute("passkeys", this.passkeys.of(user.clinicId(), user.accountId()));
		model.addAttribute("staff", user.isStaff());
		return "account/passkeys";
	}

	/** Another login's passkey, or none at all, is not found. */
	@PostMapping("/account/passkeys/{id}/remove")
	String remove(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, RedirectAttributes redirect) {
		if (!this.passkeys.remove(user.clinicId(), user.accountId(), id)) {
			throw new NotFoundException("passkey");
		}
		redirect.addFlashAttribute("removed", true);
		return "redirect:/account/passkeys";
	}

}
