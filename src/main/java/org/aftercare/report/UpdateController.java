package org.aftercare.report;

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
import org.springframework.web.bind.annotation.PostMapping;

import org.aftercare.patient.PatientId;
import org.aftercare.security.CurrentUser;
import org.aftercare.web.Dates;
import org.aftercare.web.Ids;
import org.aftercare.web.NotFoundException;

/**
 * An update to one of the patient's earlier entries: how bad it is now, or that it
 * stopped. It is saved as a new report of the same episode, so the triage weighs it like
 * any other.
 */
@Controller
class UpdateController {

	private static final String FORM = "report/update";

	private final ReportService reports;

	private final ReportForms forms;

	private final PhotoUploads photos;

	UpdateController(ReportService reports, ReportForms forms, PhotoUploads photos) {
		this.reports = reports;
		this.forms = forms;
		this.photos = photos;
	}

	@GetMapping("/me/entries/{entryId}/update")
	String showUpdateForm(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID entryId, Model model) {
		model.addAttribute("entry", ownEntry(user, entryId));
		model.addAttribute("entryId", entryId);
		model.addAttribute("updateForm", UpdateForm.blank(Ids.next()));
		return "report/update";
	}

	/** The update with its photos, as the report form ({@link PhotoUploads}). */
	@PostMapping("/me/entries/{entryId}/update")
	String submitUpdate(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID entryId,
			@Valid @ModelAttribute("updateForm") UpdateForm form, BindingResult result,
			@ModelAttribute("photoForm") PhotoForm photoForm, BindingResult photoBinding, Model model,
			HttpServletResponse response) {
		model.addAttribute("entryId", entryId);
		PhotoUploads.Upload upload = this.photos
			.upload(new PhotoUploads.Owner(user.clinicId(), user.patientId(), user.zone()), photoForm.post());
		String view = Submits.saving(model, response, FORM, () -> {
			EntryView entry = ownEntry(user, entryId);
			model.addAttribute("entry", entry);
			this.forms.checkUpdate(form, result, entry, user.zone());
			if (result.hasErrors()) {
				response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
				return FORM;
			}
			boolean ongoing = Boolean.TRUE.equals(form.ongoing());
			boolean headache = entry.symptom() == Symptom.HEADACHE;
			NewEntry update = new NewEntry(entry.symptom(), entry.otherDescription(), form.severity(), null,
					entry.startedAt(), ongoing, ongoing ? null : Dates.toInstant(form.stoppedAt(), user.zone()),
					headache ? form.suddenWorstEver() : null, headache ? form.feverOrStiffNeck() : null,
					headache ? form.neurologicalSigns() : null, entry.id());
			NewReport report = NewReport.of(user.clinicId(), new PatientId(user.patientId()), form.formToken(),
					List.of(update), null);
			return upload.saveOrHoldBack(report, response, FORM,
					(save) -> Submits.submitted(this.reports, user.clinicId(), report, save));
		});
		return upload.shown(view, FORM, form.formToken(), model, response);
	}

	private EntryView ownEntry(CurrentUser user, UUID entryId) {
		return this.reports.findEntryForPatient(user.clinicId(), new PatientId(user.patientId()), entryId)
			.orElseThrow(() -> new NotFoundException("entry"));
	}

}
