package org.aftercare.notification;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * The plain-text parts of e-mails come from their own Thymeleaf engine in TEXT mode (the
 * HTML parts use the application's engine), both with the application's messages.
 */
@Configuration(proxyBeanMethods = false)
class MailConfiguration {

	@Bean
	MailTemplates mailTemplates(SpringTemplateEngine htmlEngine, MessageSource messages) {
		ClassLoaderTemplateResolver text = new ClassLoaderTemplateResolver();
		text.setPrefix("templates/mail/");
		text.setSuffix(".txt");
		text.setTemplateMode(TemplateMode.TEXT);
		text.setCharacterEncoding("UTF-8");
		text.setCacheable(true);
		SpringTemplateEngine textEngine = new SpringTemplateEngine();
		textEngine.setTemplateResolver(text);
		textEngine.setTemplateEngineMessageSource(messages);
		return new MailTemplates(htmlEngine, textEngine);
	}

}
