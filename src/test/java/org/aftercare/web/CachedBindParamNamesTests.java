package org.aftercare.web;

import java.lang.reflect.Constructor;

import org.junit.jupiter.api.Test;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.BindParam;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cached names give what Spring's own resolver gives (issue 8): the
 * {@code @BindParam} name where there is one, else none (the argument's own name is
 * used), for each argument of each constructor, however many times it is asked.
 */
class CachedBindParamNamesTests {

	record Renamed(@BindParam("q") String query, String view) {
	}

	record Other(String query, @BindParam("v") String view) {
	}

	private final CachedBindParamNames names = new CachedBindParamNames();

	@Test
	void eachArgumentGetsItsOwnNameOnEveryAsk() throws Exception {
		for (int round = 0; round < 3; round++) {
			assertThat(this.names.resolveName(argument(Renamed.class, 0))).isEqualTo("q");
			assertThat(this.names.resolveName(argument(Renamed.class, 1))).isNull();
			assertThat(this.names.resolveName(argument(Other.class, 0))).isNull();
			assertThat(this.names.resolveName(argument(Other.class, 1))).isEqualTo("v");
		}
	}

	/** A new parameter object each time, as the data binder makes one per request. */
	private static MethodParameter argument(Class<?> record, int index) throws Exception {
		Constructor<?> constructor = record.getDeclaredConstructors()[0];
		return MethodParameter.forFieldAwareConstructor(constructor, index,
				record.getRecordComponents()[index].getName());
	}

}
