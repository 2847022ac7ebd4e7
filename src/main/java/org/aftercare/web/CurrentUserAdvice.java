package org.aftercare.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import org.aftercare.security.CurrentUser;

/**
 * Puts the signed-in user in every model, for the layout's navigation.
 */
@ControllerAdvice
class CurrentUserAdvice {

	@ModelAttribute("currentUser")
	CurrentUser currentUser(@AuthenticationPrincipal CurrentUser user) {
		return user;
	}

}
