package org.aftercare.account;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMailUtil;

import org.aftercare.notification.NotificationTestsAccess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The invitation e-mails tests send, read as the invited person would: for tests of the
 * invitation and of the pages it leads to, in this package and others.
 */
public final class InvitationMails {

	private static final Pattern INVITATION = Pattern.compile("/invitation/([A-Za-z0-9_-]{20,})");

	private InvitationMails() {
	}

	/**
	 * The token of the invitation link in the first invitation e-mailed to {@code email},
	 * waiting (up to 10 s) for it to arrive.
	 */
	public static String invitationToken(String email) {
		String body = await().atMost(Duration.ofSeconds(10))
			.until(() -> NotificationTestsAccess.mailsTo(email)
				.stream()
				.map(GreenMailUtil::getBody)
				.filter((b) -> b.contains("/invitation/"))
				.findFirst()
				.orElse(null), (b) -> b != null)
			.replace("=\r\n", "")
			.replace("=3D", "=");
		Matcher matcher = INVITATION.matcher(body);
		assertThat(matcher.find()).as("invitation link in " + body).isTrue();
		return matcher.group(1);
	}

}
