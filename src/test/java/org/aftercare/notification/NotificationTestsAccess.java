package org.aftercare.notification;

import java.util.List;

import jakarta.mail.internet.MimeMessage;

/**
 * What other packages' tests need of the mail helpers.
 */
public final class NotificationTestsAccess {

	private NotificationTestsAccess() {
	}

	/** Runs one pass of the check-in reminder job of that app instance. */
	public static int remindDue(org.springframework.context.ApplicationContext context) {
		return context.getBean(CheckInReminders.class).remindDue();
	}

	public static List<MimeMessage> mailsTo(String address) {
		return NotificationTests.mailsTo(address);
	}

}
