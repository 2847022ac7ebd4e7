package org.aftercare.audit;

import java.util.UUID;

import org.aftercare.security.ClinicId;

/**
 * What happened to which object; the actor and address come from the current request.
 */
public record AuditEvent(ClinicId clinicId, UUID patientId, AuditAction action, String objectType, UUID objectId,
		String detail) {
}
