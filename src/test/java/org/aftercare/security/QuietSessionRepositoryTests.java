package org.aftercare.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.MapSession;
import org.springframework.session.MapSessionRepository;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A signed-in page view reads its session but writes it back only when something changed,
 * or when its stored last access time is a minute old.
 */
class QuietSessionRepositoryTests {

	private final CountingRepository store = new CountingRepository();

	private final QuietSessionRepository sessions = new QuietSessionRepository(this.store, Duration.ofMinutes(1));

	@Test
	void anUnchangedSessionIsNotWrittenMoreThanOnceAMinute() {
		String id = signIn();
		Instant start = this.store.findById(id).getLastAccessedTime();
		for (int second = 1; second < 60; second += 10) {
			view(id, start.plusSeconds(second));
		}
		assertThat(this.store.saves).isEqualTo(1);
		view(id, start.plusSeconds(61));
		assertThat(this.store.saves).isEqualTo(2);
		assertThat(this.store.findById(id).getLastAccessedTime()).isEqualTo(start.plusSeconds(61));
		view(id, start.plusSeconds(70));
		assertThat(this.store.saves).isEqualTo(2);
	}

	@Test
	void aChangedSessionIsWrittenAtOnce() {
		String id = signIn();
		QuietSessionRepository.QuietSession session = this.sessions.findById(id);
		session.setAttribute("csrf", "token");
		this.sessions.save(session);
		assertThat(this.store.saves).isEqualTo(2);
		assertThat((String) this.store.findById(id).getAttribute("csrf")).isEqualTo("token");
		session = this.sessions.findById(id);
		session.setMaxInactiveInterval(Duration.ofMinutes(15));
		this.sessions.save(session);
		assertThat(this.store.saves).isEqualTo(3);
	}

	@Test
	void anEndedSessionIsGoneOnTheNextRequest() {
		String id = signIn();
		this.sessions.deleteById(id);
		assertThat(this.sessions.findById(id)).isNull();
	}

	private String signIn() {
		QuietSessionRepository.QuietSession session = this.sessions.createSession();
		session.setAttribute("SPRING_SECURITY_CONTEXT", "someone");
		this.sessions.save(session);
		assertThat(this.store.saves).isEqualTo(1);
		return session.getId();
	}

	private void view(String id, Instant at) {
		QuietSessionRepository.QuietSession session = this.sessions.findById(id);
		assertThat((String) session.getAttribute("SPRING_SECURITY_CONTEXT")).isEqualTo("someone");
		session.setLastAccessedTime(at);
		this.sessions.save(session);
	}

	/** An in-memory store that counts its writes. */
	static final class CountingRepository implements FindByIndexNameSessionRepository<MapSession> {

		private final MapSessionRepository delegate = new MapSessionRepository(new ConcurrentHashMap<>());

		int saves;

		@Override
		public MapSession createSession() {
			return this.delegate.createSession();
		}

		@Override
		public void save(MapSession session) {
			this.saves++;
			this.delegate.save(session);
		}

		@Override
		public MapSession findById(String id) {
			return this.delegate.findById(id);
		}

		@Override
		public void deleteById(String id) {
			this.delegate.deleteById(id);
		}

		@Override
		public Map<String, MapSession> findByIndexNameAndIndexValue(String indexName, String indexValue) {
			return Map.of();
		}

	}

}
