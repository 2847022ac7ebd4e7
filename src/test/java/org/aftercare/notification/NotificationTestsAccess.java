package org.aftercare.notification;

import java.util.List;

import jakarta.mail.internet.MimeMessage;

/**
 * What other packages' tests need of the mail helpers.
 */
public final class NotificationTestsAccess {

	private NotificationTestsAccess() {
	}

	public static List<MimeMessage> mailsTo(String address) {
		return NotificationTests.mailsTo(address);
	}

}
