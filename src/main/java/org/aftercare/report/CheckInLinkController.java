package org.aftercare.report;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;

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

import org.aftercare.clinic.ClinicService;
import org.aftercare.patient.PatientId;
import org.aftercare.security.ClinicId;
import org.aftercare.security.ClinicScope;
import org.aftercare.security.CurrentUser;
import org.aftercare.web.Dates;
import org.aftercare.web.Ids;
import org.aftercare.web.PageLanguage;

/**
 * The pages a check-in link opens, for its holder without signing in. Opening the link (a
 * GET, which mail scanners make too) answers nothing: it swaps the token for a
 * {@link CheckInGrant} in the session and redirects to a URL without it. The answer is a
 * POST with CSRF from that page. Every page of a link tells no referrer, so the token
 * cannot leave in a Referer header.
 */
@Controller
class CheckInLinkController {

	private static final String UNUSABLE = "report/check-in-link-unusable";

	private final CheckInLinks links;

	private final CheckInLinkThrottle throttle;

	private final ReportService reports;

	private final ReportForms forms;

	private final ClinicService clinics;

	private final PageLanguage pageLanguage;

	CheckInLinkController(CheckInLinks links, CheckInLinkThrottle throttle, ReportService reports, ReportForms forms,
			ClinicService clinics, PageLanguage pageLanguage) {
		this.pageLanguage = pageLanguage;
		this.links = links;
		this.throttle = throttle;
		this.reports = reports;
		this.forms = forms;
		this.clinics = clinics;
	}

	@ModelAttribute
	void noReferrer(HttpServletResponse response, Model model) {
		response.setHeader("Referrer-Policy", "no-referrer");
		model.addAttribute("viaLink", true);
	}

	@GetMapping("/c/{token}")
	String openLink(@PathVariable String token, @AuthenticationPrincipal CurrentUser user, HttpServletRequest request,
			HttpServletResponse response) {
		String ip = request.getRemoteAddr();
		if (this.throttle.locked(ip)) {
			return unusable(response);
		}
		Optional<CheckInLinks.Lookup> lookup = this.links.lookup(token);
		if (lookup.isEmpty()) {
			this.throttle.failed(ip);
			return unusable(response);
		}
		CheckInLinks.Lookup found = lookup.get();
		CheckInLinks.Link link = found.link();
		// Someone else is signed in on this browser: the link does not act for them.
		if (user != null && !user.accountId().equals(found.accountId())) {
			return unusable(response);
		}
		// The pages of the link are in the patient's language, even when it no longer
		// works.
		if (found.language() != null) {
			this.pageLanguage.useAccountLanguage(request, found.language(), false);
		}
		HttpSession session = request.getSession(true);
		if (found.state() != CheckInLinks.State.VALID) {
			session.removeAttribute(CheckInGrant.ATTRIBUTE);
			if (found.state() != CheckInLinks.State.LOGIN_DISABLED) {
				session.setAttribute(CheckInGrant.RETRY, new CheckInGrant.Retry(link.clinicId(), link.patientId()));
			}
			return unusable(response);
		}
		CheckInGrant grant = new CheckInGrant(link, found.accountId(), found.offsetLabel(), found.timeZone(), null);
		request.changeSessionId();
		session.removeAttribute(CheckInGrant.RETRY);
		session.setAttribute(CheckInGrant.ATTRIBUTE, grant);
		ClinicScope.runInClinic(new ClinicId(link.clinicId()), () -> this.links.opened(grant));
		return "redirect:/check-in";
	}

	@GetMapping("/check-in")
	String showCheckIn(HttpServletRequest request, HttpServletResponse response, Model model) {
		return withGrant(request, response, (grant) -> {
			if (grant.answerReportId() != null) {
				return "redirect:/check-in/advice";
			}
			addCheckIn(grant, model);
			model.addAttribute("checkInForm", new CheckInForm(Ids.next()));
			return "report/check-in-link";
		});
	}

	/** One tap: "No new symptoms". */
	@PostMapping("/check-in")
	String answerNoNewSymptoms(@Valid @ModelAttribute("checkInForm") CheckInForm form, BindingResult result,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		return withGrant(request, response, (grant) -> {
			if (result.hasErrors()) {
				response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
				addCheckIn(grant, model);
				model.addAttribute("checkInForm", new CheckInForm(Ids.next()));
				model.addAttribute("expired", true);
				return "report/check-in-link";
			}
			NewReport answer = NewReport.of(new ClinicId(grant.link().clinicId()),
					new PatientId(grant.link().patientId()), form.formToken(), List.of(), null);
			addCheckIn(grant, model);
			return Submits.saving(model, response, "report/check-in-link",
					() -> answered(request, response, grant, answer));
		});
	}

	@GetMapping("/check-in/report")
	String showReportForm(HttpServletRequest request, HttpServletResponse response, Model model) {
		return withGrant(request, response, (grant) -> {
			if (grant.answerReportId() != null) {
				return "redirect:/check-in/advice";
			}
			model.addAllAttributes(ReportForms.CHOICES);
			model.addAttribute("reportForm", this.forms.blank(grant.zone()));
			return "report/form";
		});
	}

	@PostMapping("/check-in/report")
	String submitReport(@Valid @ModelAttribute("reportForm") ReportForm form, BindingResult result,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		return withGrant(request, response, (grant) -> {
			model.addAllAttributes(ReportForms.CHOICES);
			ReportForms.Reporter who = new ReportForms.Reporter(new ClinicId(grant.link().clinicId()),
					grant.link().patientId(), grant.zone());
			return this.forms.submit(who, form, result, model, response,
					(report) -> answered(request, response, grant, report));
		});
	}

	/**
	 * From the page of a link that no longer works. The same answer whatever happened.
	 */
	@PostMapping("/check-in/new-link")
	String sendNewLink(HttpServletRequest request, RedirectAttributes redirect) {
		HttpSession session = request.getSession(false);
		if (session != null && session.getAttribute(CheckInGrant.RETRY) instanceof CheckInGrant.Retry retry
				&& this.throttle.newLinkAllowed(request.getRemoteAddr(), retry.patientId())) {
			ClinicScope.runInClinic(new ClinicId(retry.clinicId()),
					() -> this.links.requestNewLink(retry.clinicId(), retry.patientId()));
		}
		redirect.addFlashAttribute("newLinkRequested", true);
		return "redirect:/check-in/link-unusable";
	}

	@GetMapping("/check-in/link-unusable")
	String showUnusable(HttpServletResponse response) {
		return UNUSABLE;
	}

	/**
	 * Saves the answer through the link and remembers it in the grant, for the advice
	 * page; a link that stopped working meanwhile gets the "no longer usable" page.
	 */
	private String answered(HttpServletRequest request, HttpServletResponse response, CheckInGrant grant,
			NewReport report) {
		try {
			ReportId reportId = Submits.submitOnceMore(this.reports, new ClinicId(grant.link().clinicId()),
					report.formToken(), () -> this.links.answer(grant, report));
			request.getSession(true).setAttribute(CheckInGrant.ATTRIBUTE, grant.answered(reportId.value()));
			return "redirect:/check-in/advice";
		}
		catch (CheckInLinks.LinkUnusableException ex) {
			return unusable(request, response);
		}
		catch (NoTreatmentException ex) {
			return unusable(request, response);
		}
	}

	/**
	 * Runs a page of the grant in the session, within its clinic, while its link still
	 * works; else the "no longer usable" page.
	 */
	private String withGrant(HttpServletRequest request, HttpServletResponse response,
			java.util.function.Function<CheckInGrant, String> page) {
		Optional<CheckInGrant> found = CheckInGrant.of(request);
		if (found.isEmpty()) {
			return unusable(response);
		}
		CheckInGrant grant = found.get();
		Dates.showIn(request, grant.zone());
		Supplier<String> work = () -> {
			if (grant.answerReportId() == null && this.links.state(grant) != CheckInLinks.State.VALID) {
				return unusable(request, response);
			}
			return page.apply(grant);
		};
		return ClinicScope.runInClinic(new ClinicId(grant.link().clinicId()), work);
	}

	private void addCheckIn(CheckInGrant grant, Model model) {
		model.addAttribute("clinic", this.clinics.get(new ClinicId(grant.link().clinicId())));
		model.addAttribute("offset", grant.offset());
	}

	/** The grant's link stopped working: the grant goes, "send me a new link" stays. */
	private String unusable(HttpServletRequest request, HttpServletResponse response) {
		HttpSession session = request.getSession(false);
		if (session != null && session.getAttribute(CheckInGrant.ATTRIBUTE) instanceof CheckInGrant grant) {
			session.removeAttribute(CheckInGrant.ATTRIBUTE);
			session.setAttribute(CheckInGrant.RETRY,
					new CheckInGrant.Retry(grant.link().clinicId(), grant.link().patientId()));
		}
		return unusable(response);
	}

	private static String unusable(HttpServletResponse response) {
		response.setStatus(HttpStatus.GONE.value());
		return UNUSABLE;
	}

}
