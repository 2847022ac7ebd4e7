package org.aftercare.triage;

import java.time.ZoneId;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import org.aftercare.report.CheckInLinkAnswers;
import org.aftercare.security.ClinicScope;
import org.aftercare.security.CurrentUser;
import org.aftercare.web.Dates;
import org.aftercare.web.NotFoundException;

/** The advice page after a report, signed in or through a check-in link. */
@Controller
class AdviceController {

	private final AdvicePages pages;

	AdviceController(AdvicePages pages) {
		this.pages = pages;
	}

	@GetMapping("/me/reports/{id}/advice")
	String showAdvice(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, Model model) {
		return show(this.pages.forReport(user.clinicId(), user.patientId(), id)
			.orElseThrow(() -> new NotFoundException("report")), model);
	}

	/**
	 * The advice of the answer just given through a check-in link: the one report a
	 * link's holder may see, from the grant in their session.
	 */
	@GetMapping("/check-in/advice")
	String showAdviceViaLink(HttpServletRequest request, HttpServletResponse response, Model model) {
		response.setHeader("Referrer-Policy", "no-referrer");
		CheckInLinkAnswers.Answer answer = CheckInLinkAnswers.of(request).orElse(null);
		if (answer == null) {
			return "redirect:/check-in";
		}
		AdviceView view = ClinicScope
			.runInClinic(answer.clinicId(),
					() -> this.pages.forReport(answer.clinicId(), answer.patientId().value(),
							answer.reportId().value()))
			.orElseThrow(() -> new NotFoundException("report"));
		model.addAttribute("viaLink", true);
		// Nobody is signed in: the report's times in its clinic's zone.
		Dates.showIn(request, ZoneId.of(view.clinic().timeZone()));
		return show(view, model);
	}

	private static String show(AdviceView view, Model model) {
		model.addAttribute("report", view.report());
		model.addAttribute("advice", view.advice());
		model.addAttribute("clinic", view.clinic());
		return "triage/advice";
	}

}
