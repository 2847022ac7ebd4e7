package org.aftercare.report;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.ui.Model;

import org.aftercare.security.ClinicId;
import org.aftercare.web.DatabaseUnavailableAdvice;

/**
 * How every patient form of this module saves: once per form token, once more after a
 * lost race, and with everything typed kept when the database is out of reach.
 */
final class Submits {

	private static final Logger log = LoggerFactory.getLogger(Submits.class);

	private Submits() {
	}

	/**
	 * Saves and redirects to the saved report's advice; a form token already used (a
	 * double click, a refresh, Back and submit again) leads to the report it created.
	 */
	static String submitted(ReportService reports, ClinicId clinicId, NewReport report, Supplier<ReportId> save) {
		try {
			return redirectTo(submitOnceMore(reports, clinicId, report.formToken(), save));
		}
		catch (NoTreatmentException ex) {
			return "report/no-treatment";
		}
	}

	/**
	 * Saves the report; when it lost a race, tries once more in a new transaction.
	 * Reports of one episode are evaluated one at a time (the triage locks the episode),
	 * but a clinician's action on one of its flags at the same moment still fails the
	 * report's update of that flag (optimistic lock), and a second submit of the same
	 * form hits the form token's unique index (then the first report is the answer). A
	 * patient never gets an error page for either.
	 */
	static ReportId submitOnceMore(ReportService reports, ClinicId clinicId, UUID formToken, Supplier<ReportId> save) {
		try {
			return save.get();
		}
		catch (DataIntegrityViolationException ex) {
			// Two submits of one form raced; the first one won. Show it.
			Optional<ReportId> first = reports.findByFormToken(clinicId, formToken);
			if (first.isPresent()) {
				return first.get();
			}
			log.info("Report submit raced another write, trying once more: {}", ex.getMessage());
			return save.get();
		}
		catch (OptimisticLockingFailureException ex) {
			log.info("Report submit raced a change to a flag of its episode, trying once more: {}", ex.getMessage());
			return save.get();
		}
	}

	static String redirectTo(ReportId reportId) {
		return "redirect:/me/reports/" + reportId + "/advice";
	}

	/**
	 * Runs a form's write; when the database is out of reach the form comes back with
	 * everything typed and "not saved yet" (503).
	 */
	static String saving(Model model, HttpServletResponse response, String formView, Supplier<String> write) {
		try {
			return write.get();
		}
		catch (RuntimeException ex) {
			if (!DatabaseUnavailableAdvice.isUnavailable(ex)) {
				throw ex;
			}
			log.warn("Not saved, database unavailable: {}", ex.getMessage());
			model.addAttribute("notSaved", true);
			response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
			return formView;
		}
	}

}
