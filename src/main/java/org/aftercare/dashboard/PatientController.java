package org.aftercare.dashboard;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;

import org.aftercare.security.CurrentUser;

/**
 * The clinic's patients: a searchable list, and one patient's page with every treatment
 * episode and what was reported and flagged in it. Every view of a patient's page is
 * audited.
 */
@Controller
class PatientController {

	private final PatientPages pages;

	private final Clock clock;

	PatientController(PatientPages pages, Clock clock) {
		this.pages = pages;
		this.clock = clock;
	}

	@GetMapping("/clinician/patients")
	String showPatients(@AuthenticationPrincipal CurrentUser user,
			@Valid @ModelAttribute("search") PatientSearch search, BindingResult result, Model model,
			HttpServletResponse response) {
		if (!result.hasFieldErrors("after") && !PatientList.isCursor(search.after())) {
			result.rejectValue("after", "patients.search.badCursor");
		}
		model.addAttribute("today", today(user));
		if (result.hasErrors()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("page", new PatientList.Page(List.of(), null));
			return "dashboard/patients";
		}
		model.addAttribute("page", this.pages.list(user.clinicId(), search.search(), search.after()));
		return "dashboard/patients";
	}

	@GetMapping("/clinician/patients/{id}")
	String showPatient(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, Model model) {
		PatientView view = this.pages.show(user.clinicId(), id, user.zone());
		model.addAttribute("patient", view.patient());
		model.addAttribute("activated", view.activated());
		model.addAttribute("age", view.age());
		model.addAttribute("episodes", view.episodes());
		model.addAttribute("flags", view.flags());
		model.addAttribute("moreTreatments", view.moreTreatments());
		model.addAttribute("moreFlags", view.moreFlags());
		model.addAttribute("reportCount", view.reportCount());
		return "dashboard/patient";
	}

	private LocalDate today(CurrentUser user) {
		return LocalDate.now(this.clock.withZone(user.zone()));
	}

}
