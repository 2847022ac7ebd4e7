package org.aftercare.notification;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends one e-mail with a plain-text and an HTML part. A failure throws, so that the
 * event publication stays incomplete and is sent again later.
 */
@Component
class Mailer {

	private static final Logger log = LoggerFactory.getLogger(Mailer.class);

	private final JavaMailSender sender;

	private final MailTemplates templates;

	private final MessageSource messages;

	private final String from;

	private final boolean logBodies;

	Mailer(JavaMailSender sender, MailTemplates templates, MessageSource messages,
			@Value("${aftercare.mail.from}") String from,
			@Value("${aftercare.mail.log-bodies:false}") boolean logBodies) {
		this.sender = sender;
		this.templates = templates;
		this.messages = messages;
		this.from = from;
		this.logBodies = logBodies;
	}

	void send(List<String> to, String template, Object[] subjectArguments, Map<String, Object> model) {
		if (to.isEmpty()) {
			log.warn("No recipient for the {} e-mail; nothing sent", template);
			return;
		}
		MailTemplates.Rendered body = this.templates.render(template, model);
		MimeMessage message = this.sender.createMimeMessage();
		try {
			MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
			helper.setFrom(this.from);
			helper.setTo(to.toArray(String[]::new));
			helper.setSubject(
					this.messages.getMessage("mail." + template + ".subject", subjectArguments, Locale.ENGLISH));
			helper.setText(body.text(), body.html());
		}
		catch (MessagingException ex) {
			throw new MailPreparationException(ex);
		}
		this.sender.send(message);
		log.info("Sent the {} e-mail to {} recipient(s)", template, to.size());
		if (this.logBodies) {
			// The local run only (its mail server is in memory): shows invitation links
			// and the like.
			log.info("E-mail to {}:\n{}", to, body.text());
		}
	}

}
