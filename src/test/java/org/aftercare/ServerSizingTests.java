package org.aftercare;

import java.util.Properties;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The production defaults size the request threads to the connection pool: a request
 * thread beyond the pool's connections could only wait for one, and on two cores more
 * threads made every page slower at the tail (docs/benchmarks.md, 2026-11-29).
 */
class ServerSizingTests {

	private final Properties defaults = load();

	@Test
	void requestThreadsDoNotOutnumberTheConnections() {
		int threads = Integer.parseInt(this.defaults.getProperty("server.tomcat.threads.max"));
		int connections = Integer.parseInt(this.defaults.getProperty("spring.datasource.hikari.maximum-pool-size"));
		assertThat(threads).isLessThanOrEqualTo(connections);
	}

	@Test
	void requestThreadsStayFewOnTwoCores() {
		// 40 threads (the setting before) shared two cores among every request in flight:
		// the queue page's p99 was 203 ms against 134 ms with 16.
		assertThat(Integer.parseInt(this.defaults.getProperty("server.tomcat.threads.max"))).isBetween(4, 16);
	}

	private static Properties load() {
		YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
		yaml.setResources(new ClassPathResource("application.yml"));
		return yaml.getObject();
	}

}
