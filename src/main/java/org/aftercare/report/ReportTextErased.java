package org.aftercare.report;

import java.util.List;
import java.util.UUID;

/**
 * A patient's own words were erased from their reports; the descriptions of "other"
 * symptoms they had typed are listed so that copies of them (flag evidence) go as well.
 */
public record ReportTextErased(UUID clinicId, UUID patientId, List<String> otherDescriptions) {
}
