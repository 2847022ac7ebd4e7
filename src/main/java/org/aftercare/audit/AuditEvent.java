package org.aftercare.audit;

import java.util.UUID;

/**
 * What happened to which object; the actor and address come from the current request.
 */
public record AuditEvent(UUID clinicId, UUID patientId, AuditAction action, String objectType, UUID objectId,
		String detail) {
}
