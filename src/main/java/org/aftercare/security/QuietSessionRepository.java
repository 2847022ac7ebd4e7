package org.aftercare.security;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

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
 */
final class QuietSessionRepository
		implements FindByIndexNameSessionRepository<QuietSessionRepository.QuietSession>, DisposableBean {

	private final FindByIndexNameSessionRepository<Session> delegate;

	private final Duration touchInterval;

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
		Session found = this.delegate.findById(id);
		return (found != null) ? new QuietSession(found, false) : null;
	}

	@Override
	public void deleteById(String id) {
		this.delegate.deleteById(id);
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
