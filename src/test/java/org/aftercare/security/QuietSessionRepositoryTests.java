package org.aftercare.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.MapSession;
import org.springframework.session.MapSessionRepository;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A signed-in page view reads its session once, and writes it back only when something
 * changed, or when its stored last access time is a minute old.
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

	/**
	 * Spring Session's filter asks for the session again as it commits it (spring-session
	 * spring-projects/spring-session#1731): within a request that is answered from the
	 * first read, but every request reads the store afresh, so a session ended elsewhere
	 * is gone on the next one.
	 */
	@Test
	void aRequestReadsItsSessionOnceAndTheNextRequestReadsItAgain() throws Exception {
		String id = signIn();
		QuietSessionRepository.QuietSession[] seen = new QuietSessionRepository.QuietSession[2];
		request(() -> {
			seen[0] = this.sessions.findById(id);
			seen[1] = this.sessions.findById(id);
		});
		assertThat(this.store.finds).isEqualTo(1);
		assertThat(seen[1]).isSameAs(seen[0]);
		request(() -> assertThat(this.sessions.findById(id)).isNotNull());
		assertThat(this.store.finds).isEqualTo(2);
		this.store.deleteById(id);
		request(() -> assertThat(this.sessions.findById(id)).isNull());
		assertThat(this.store.finds).isEqualTo(3);
		// Outside a request (a job, a service), every read goes to the store.
		this.sessions.findById(id);
		this.sessions.findById(id);
		assertThat(this.store.finds).isEqualTo(5);
	}

	@Test
	void aSessionEndedOrRenamedDuringTheRequestIsNotFoundAgainByItsOldId() throws Exception {
		String ended = signIn();
		request(() -> {
			assertThat(this.sessions.findById(ended)).isNotNull();
			this.sessions.deleteById(ended);
			assertThat(this.sessions.findById(ended)).isNull();
		});
		String renamed = signIn();
		request(() -> {
			QuietSessionRepository.QuietSession session = this.sessions.findById(renamed);
			String newId = session.changeSessionId();
			this.sessions.save(session);
			assertThat(this.sessions.findById(renamed)).isNull();
			assertThat(this.sessions.findById(newId)).isNotNull();
		});
	}

	private void request(Runnable work) throws Exception {
		QuietSessionRepository.readOncePerRequest()
			.doFilter(new MockHttpServletRequest(), new MockHttpServletResponse(), (request, response) -> work.run());
	}

	private String signIn() {
		QuietSessionRepository.QuietSession session = this.sessions.createSession();
		session.setAttribute("SPRING_SECURITY_CONTEXT", "someone");
		int before = this.store.saves;
		this.sessions.save(session);
		assertThat(this.store.saves).isEqualTo(before + 1);
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

		int finds;

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
			this.finds++;
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
