package org.aftercare.audit;

import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.event.EventListener;
import org.springframework.security.authorization.event.AuthorizationDeniedEvent;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

import org.aftercare.security.CurrentUser;

/**
 * Every request a signed-in user was refused (wrong role) goes into their clinic's audit
 * trail. Anonymous requests are sent to the login page and are not about any clinic.
 */
@Component
class AccessDeniedAudit {

	private final AuditLog log;

	AccessDeniedAudit(AuditLog log) {
		this.log = log;
	}

	@EventListener
	void on(AuthorizationDeniedEvent<?> denied) {
		Supplier<Authentication> authentication = denied.getAuthentication();
		if (!(authentication.get().getPrincipal() instanceof CurrentUser user)) {
			return;
		}
		String what = (denied.getObject() instanceof HttpServletRequest request)
				? request.getMethod() + " " + request.getRequestURI() : String.valueOf(denied.getObject());
		this.log.record(new AuditEvent(user.clinicId(), null, AuditAction.ACCESS_DENIED, null, null, what),
				AuditOutcome.DENIED, user.accountId(), user.role().name());
	}

}
