package org.aftercare.interop;

import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.aftercare.security.CurrentUser;
import org.aftercare.web.NotFoundException;

/**
 * The admin's FHIR API clients: the list, a new client (its token on the answer to the
 * POST only), and revoking one after a confirmation step.
 */
@Controller
class ApiClientController {

	private final ApiClients clients;

	ApiClientController(ApiClients clients) {
		this.clients = clients;
	}

	@GetMapping("/admin/api-clients")
	String showClients(@AuthenticationPrincipal CurrentUser user, Model model) {
		model.addAttribute("clients", this.clients.list(user.clinicId()));
		if (!model.containsAttribute("apiClientForm")) {
			model.addAttribute("apiClientForm", ApiClientForm.blank());
		}
		return "interop/api-clients";
	}

	/**
	 * The token is shown in the answer to this POST, not after a redirect: a redirect
	 * would carry it through the session, which is stored in PostgreSQL. The page is
	 * never stored by the browser, so it cannot be shown again. The form sent again (its
	 * one-time token used) creates nothing: it leads to the list, which names the client
	 * the first sending created and says what to do if its token was not copied.
	 */
	@PostMapping("/admin/api-clients")
	String createClient(@AuthenticationPrincipal CurrentUser user,
			@Valid @ModelAttribute("apiClientForm") ApiClientForm form, BindingResult result, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		if (result.hasErrors()) {
			// The form comes back with its token, so that its next sending is still one.
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("clients", this.clients.list(user.clinicId()));
			return "interop/api-clients";
		}
		ApiClientForm complete = form.complete();
		ApiClients.Creation creation;
		try {
			creation = this.clients.create(user.clinicId(), user.accountId(), complete.name().strip(),
					complete.formToken());
		}
		catch (DataIntegrityViolationException ex) {
			// Two sendings of one form raced; the first one won and showed the token.
			creation = this.clients.createdBy(user.clinicId(), complete.formToken()).orElseThrow(() -> ex);
		}
		if (creation instanceof ApiClients.CreatedBefore before) {
			// Plain values: flash attributes travel in the session, which is serialised.
			redirect.addFlashAttribute("createdBeforeId", before.id());
			redirect.addFlashAttribute("createdBeforeName", before.name());
			return "redirect:/admin/api-clients";
		}
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		model.addAttribute("created", creation);
		return "interop/api-client-created";
	}

	@GetMapping("/admin/api-clients/{id}/revoke")
	String confirmRevoke(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, Model model) {
		model.addAttribute("client",
				this.clients.find(user.clinicId(), id).orElseThrow(() -> new NotFoundException("api client")));
		return "interop/api-client-revoke";
	}

	@PostMapping("/admin/api-clients/{id}/revoke")
	String revoke(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, RedirectAttributes redirect) {
		String name = this.clients.revoke(user.clinicId(), id, user.accountId())
			.orElseThrow(() -> new NotFoundException("api client"));
		redirect.addFlashAttribute("revoked", name);
		return "redirect:/admin/api-clients";
	}

}
