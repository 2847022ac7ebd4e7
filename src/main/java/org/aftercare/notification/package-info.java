/**
 * E-mail: invitations, check-in reminders to patients, and alerts to the clinic's on-call
 * addresses. Listeners run after commit through Spring Modulith's durable event
 * publication registry, so an e-mail survives a crash or restart between the commit and
 * the send.
 */
package org.aftercare.notification;
