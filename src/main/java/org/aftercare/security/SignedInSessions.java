package org.aftercare.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * The sessions a user is signed in with, on any instance (Spring Session keeps them in
 * PostgreSQL, indexed by the principal name, which is the account's e-mail).
 */
@Component
public class SignedInSessions {

	private static final Logger log = LoggerFactory.getLogger(SignedInSessions.class);

	private final FindByIndexNameSessionRepository<? extends Session> sessions;

	SignedInSessions(FindByIndexNameSessionRepository<? extends Session> sessions) {
		this.sessions = sessions;
	}

	/**
	 * Ends every session of the user but the one with the given id (none when
	 * {@code null}): after a password change, whoever knew the old one is out.
	 * @return how many sessions were ended
	 */
	public int endAllBut(String email, String keepSessionId) {
		int ended = 0;
		for (String id : this.sessions.findByPrincipalName(email).keySet()) {
			if (!id.equals(keepSessionId)) {
				this.sessions.deleteById(id);
				ended++;
			}
		}
		if (ended > 0) {
			log.info("Ended {} other session(s) after a password change", ended);
		}
		return ended;
	}

}
