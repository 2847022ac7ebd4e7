/**
 * Patients' rights: a patient downloads all their data and asks for their account to be
 * erased; an admin of their clinic approves or declines.
 */
package org.aftercare.privacy;
