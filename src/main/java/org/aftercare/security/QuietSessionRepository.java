package org.aftercare.security;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;

/**
 * Spring Session's JDBC repository, without its write on every request: a session whose
 * attributes, lifetime and id did not change is written back only when its stored last
 * access time is at least {@code touchInterval} old. Every request still reads the
 * session from PostgreSQL, so a session ended on any instance (disabled account, password
 * change, erasure) ends at once; the price is that an idle session may end up to
 * {@code touchInterval} earlier than its idle timeout (seconds against 15 or 30 minutes).
 *
 * <p>
 * Read once a request: Spring Session's filter asks for the session a second time as it
 * commits it, after the response, only to compare its id with the cookie's
 * (spring-projects/spring-session#1731); inside {@link #readOncePerRequest()} that second
 * request is answered with the session already read. A session deleted during the request
 * is read again (and not found). The read runs in auto-commit
 * ({@link SessionTransactions#reading}).
 */
final class QuietSessionRepository
		implements FindByIndexNameSessionRepository<QuietSessionRepository.QuietSession>, DisposableBean {

	private final FindByIndexNameSessionRepository<Session> delegate;

	private final Duration touchInterval;

	/** The sessions read during the current request, by id; none outside a request. */
	private static final ThreadLocal<Map<String, QuietSession>> READ = new ThreadLocal<>();

	@SuppressWarnings("unchecked")
	QuietSessionRepository(FindByIndexNameSessionRepository<? extends Session> delegate, Duration touchInterval) {
		this.delegate = (FindByIndexNameSessionRepository<Session>) delegate;
		this.touchInterval = touchInterval;
	}

	@Override
	public QuietSession createSession() {
		return new QuietSession(this.delegate.createSession(), true);
	}

	@Override
	public void save(QuietSession session) {
		if (session.mustSave(this.touchInterval)) {
			this.delegate.save(session.delegate);
			session.saved();
		}
	}

	@Override
	public QuietSession findById(String id) {
		Map<String, QuietSession> read = READ.get();
		QuietSession session = (read != null) ? read.get(id) : null;
		// A sign-in gives the session a new id: it is no longer found by the old one.
		if (session == null || !session.getId().equals(id)) {
			Session found = SessionTransactions.reading(() -> this.delegate.findById(id));
			session = (found != null) ? new QuietSession(found, false) : null;
			if (session != null && read != null) {
				read.put(id, session);
			}
		}
		return session;
	}

	@Override
	public void deleteById(String id) {
		Map<String, QuietSession> read = READ.get();
		if (read != null) {
			read.remove(id);
		}
		this.delegate.deleteById(id);
	}

	/**
	 * Keeps the sessions read while a request passes through it, for that request only.
	 * It goes before Spring Session's filter.
	 */
	static Filter readOncePerRequest() {
		return new Filter() {
			@Override
			public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
					throws IOException, ServletException {
				if (READ.get() != null) {
					chain.doFilter(request, response);
					return;
				}
				READ.set(new HashMap<>());
				try {
					chain.doFilter(request, response);
				}
				finally {
					READ.remove();
				}
			}
		};
	}

	@Override
	public Map<String, QuietSession> findByIndexNameAndIndexValue(String indexName, String indexValue) {
		Map<String, QuietSession> sessions = new LinkedHashMap<>();
		this.delegate.findByIndexNameAndIndexValue(indexName, indexValue)
			.forEach((id, session) -> sessions.put(id, new QuietSession(session, false)));
		return sessions;
	}

	@Override
	public void destroy() throws Exception {
		if (this.delegate instanceof DisposableBean disposable) {
			disposable.destroy();
		}
	}

	/**
	 * A session that knows whether anything but its last access time changed since it was
	 * read.
	 */
	static final class QuietSession implements Session {

		private final Session delegate;

		private boolean changed;

		private Instant storedLastAccess;

		QuietSession(Session delegate, boolean isNew) {
			this.delegate = delegate;
			this.changed = isNew;
			this.storedLastAccess = delegate.getLastAccessedTime();
		}

		boolean mustSave(Duration touchInterval) {
			return this.changed || Duration.between(this.storedLastAccess, this.delegate.getLastAccessedTime())
				.compareTo(touchInterval) >= 0;
		}

		void saved() {
			this.changed = false;
			this.storedLastAccess = this.delegate.getLastAccessedTime();
		}

		@Override
		public String getId() {
			return this.delegate.getId();
		}

		@Override
		public String changeSessionId() {
			this.changed = true;
			return this.delegate.changeSessionId();
		}

		@Override
		public <T> T getAttribute(String attributeName) {
			return this.delegate.getAttribute(attributeName);
		}

		@Override
		public Set<String> getAttributeNames() {
			return this.delegate.getAttributeNames();
		}

		@Override
		public void setAttribute(String attributeName, Object attributeValue) {
			this.changed = true;
			this.delegate.setAttribute(attributeName, attributeValue);
		}

		@Override
		public void removeAttribute(String attributeName) {
			this.changed = true;
			this.delegate.removeAttribute(attributeName);
		}

		@Override
		public Instant getCreationTime() {
			return this.delegate.getCreationTime();
		}

		@Override
		public void setLastAccessedTime(Instant lastAccessedTime) {
			this.delegate.setLastAccessedTime(lastAccessedTime);
		}

		@Override
		public Instant getLastAccessedTime() {
			return this.delegate.getLastAccessedTime();
		}

		@Override
		public void setMaxInactiveInterval(Duration interval) {
			this.changed = true;
			this.delegate.setMaxInactiveInterval(interval);
		}

		@Override
		public Duration getMaxInactiveInterval() {
			return this.delegate.getMaxInactiveInterval();
		}

		@Override
		public boolean isExpired() {
			return this.delegate.isExpired();
		}

	}

}
