package org.aftercare.notification;

import java.util.Locale;
import java.util.Map;

import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;

/**
 * Renders an e-mail's HTML ({@code templates/mail/NAME.html}) and plain-text
 * ({@code templates/mail/NAME.txt}) parts from one model. Everything a recipient reads
 * comes from messages.properties and is escaped.
 */
class MailTemplates {

	private final SpringTemplateEngine html;

	private final SpringTemplateEngine text;

	MailTemplates(SpringTemplateEngine html, SpringTemplateEngine text) {
		this.html = html;
		this.text = text;
	}

	record Rendered(String text, String html) {
	}

	/** In the reader's language: a patient's own, English for staff. */
	Rendered render(String name, Map<String, Object> model, Locale locale) {
		Context context = new Context(locale, model);
		return new Rendered(this.text.process(name, context), this.html.process("mail/" + name, context));
	}

}
