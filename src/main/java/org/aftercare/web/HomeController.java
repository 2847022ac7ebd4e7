package org.aftercare.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

import org.aftercare.security.CurrentUser;

/**
 * Sends each role to its own home: patients to their recovery page, clinicians to their
 * work, admins to the clinic settings.
 */
@Controller
class HomeController {

	@GetMapping("/")
	String home(@AuthenticationPrincipal CurrentUser user) {
		return switch (user.role()) {
			case PATIENT -> "redirect:/me";
			case CLINICIAN -> "redirect:/clinician/flags";
			case ADMIN -> "redirect:/admin/settings";
		};
	}

}
