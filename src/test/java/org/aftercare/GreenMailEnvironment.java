package org.aftercare;

import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * A real SMTP server (GreenMail) for every test context and the local run, started once
 * per JVM, unless a mail host is configured already.
 */
public class GreenMailEnvironment implements EnvironmentPostProcessor {

	private static GreenMail greenMail;

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (environment.containsProperty("spring.mail.host")) {
			return;
		}
		GreenMail server = greenMail();
		environment.getPropertySources()
			.addFirst(new MapPropertySource("greenMail",
					Map.of("spring.mail.host", "127.0.0.1", "spring.mail.port", server.getSmtp().getPort())));
	}

	/** The running server: tests read what the app sent from it. */
	public static synchronized GreenMail greenMail() {
		if (greenMail == null) {
			greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
			greenMail.start();
			GreenMail started = greenMail;
			SpringApplication.getShutdownHandlers().add(started::stop);
		}
		return greenMail;
	}

}
