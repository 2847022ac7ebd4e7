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

import org.aftercare.web.Languages;

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

	/** Where the local run keeps a copy of each e-mail; null: nowhere. */
	private final java.nio.file.Path copies;

	Mailer(JavaMailSender sender, MailTemplates templates, MessageSource messages,
			@Value("${aftercare.mail.from}") String from, @Value("${aftercare.mail.copy-dir:}") String copyDir) {
		this.sender = sender;
		this.templates = templates;
		this.messages = messages;
		this.from = from;
		this.copies = copyDir.isBlank() ? null : java.nio.file.Path.of(copyDir);
	}

	/** An e-mail to staff: in English, as every staff page. */
	void send(List<String> to, String template, Object[] subjectArguments, Map<String, Object> model) {
		send(to, template, subjectArguments, model, Languages.DEFAULT);
	}

	/** An e-mail in its reader's language: subject and both parts. */
	void send(List<String> to, String template, Object[] subjectArguments, Map<String, Object> model, Locale locale) {
		if (to.isEmpty()) {
			log.warn("No recipient for the {} e-mail; nothing sent", template);
			return;
		}
		MailTemplates.Rendered body = this.templates.render(template, model, locale);
		MimeMessage message = this.sender.createMimeMessage();
		try {
			MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
			helper.setFrom(this.from);
			helper.setTo(to.toArray(String[]::new));
			helper.setSubject(this.messages.getMessage("mail." + template + ".subject", subjectArguments, locale));
			helper.setText(body.text(), body.html());
		}
		catch (MessagingException ex) {
			throw new MailPreparationException(ex);
		}
		this.sender.send(message);
		log.info("Sent the {} e-mail to {} recipient(s) in {}", template, to.size(), locale.toLanguageTag());
		if (this.copies != null) {
			copy(to, template, body.text());
		}
	}

	/**
	 * The local run only (its mail server keeps mail in memory): a copy of the e-mail in
	 * a file, so that its links can be followed. Never in the log, which must not hold a
	 * link's token.
	 */
	private void copy(List<String> to, String template, String text) {
		try {
			java.nio.file.Files.createDirectories(this.copies);
			java.nio.file.Path file = this.copies.resolve(java.time.LocalDateTime.now()
				.format(java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS")) + "-" + template + ".txt");
			java.nio.file.Files.writeString(file, "To: " + String.join(", ", to) + "\n\n" + text);
			log.info("Local run: a copy of the {} e-mail is in {}", template, file.toAbsolutePath());
		}
		catch (java.io.IOException ex) {
			log.warn("Local run: could not keep a copy of the {} e-mail: {}", template, ex.getMessage());
		}
	}

}
