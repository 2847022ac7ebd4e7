package org.aftercare.web;

import java.lang.reflect.Constructor;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.bind.annotation.BindParam;
import org.springframework.web.servlet.support.ExtendedServletRequestDataBinder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cached names give what Spring's own resolver gives: the {@code @BindParam} name
 * where there is one, else none (the argument's own name is used), for each argument of
 * each constructor, however many times it is asked.
 */
class CachedBindParamNamesTests {

	record Renamed(@BindParam("q") String query, String view) {
	}

	record Other(String query, @BindParam("v") String view) {
	}

	record Item(String name, boolean chosen) {
	}

	record Form(boolean agreed, List<Item> items) {
	}

	static class Bean {

		private String name;

		public String getName() {
			return this.name;
		}

		public void setName(String name) {
			this.name = name;
		}

	}

	private final CachedBindParamNames names = new CachedBindParamNames();

	@Test
	void aFormRecordIsBoundThroughItsConstructorOnlyWithItsCheckboxMarkers() {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/form");
		request.addParameter("_agreed", "on");
		request.addParameter("items[0].name", "headache");
		request.addParameter("items[0].chosen", "true");
		request.addParameter("items[1].name", "bruising");
		request.addParameter("_items[1].chosen", "on");
		request.addParameter("_csrf", "token");
		ExtendedServletRequestDataBinder binder = new ExtendedServletRequestDataBinder(null, "form");
		binder.setTargetType(ResolvableType.forClass(Form.class));
		new CachedBindParamNames.Initializer().initBinder(binder);
		// no property binding after the constructor, which offered the record
		// every parameter as a property and failed on each.
		assertThat(binder.isDeclarativeBinding()).isTrue();
		binder.construct(request);
		binder.bind(request);
		assertThat(binder.getBindingResult().hasErrors()).isFalse();
		assertThat(binder.getTarget())
			.isEqualTo(new Form(false, List.of(new Item("headache", true), new Item("bruising", false))));
	}

	@Test
	void aBeanWithSettersIsStillBoundByProperty() {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/bean");
		request.addParameter("name", "Dr Lee");
		Bean bean = new Bean();
		ExtendedServletRequestDataBinder binder = new ExtendedServletRequestDataBinder(bean, "bean");
		new CachedBindParamNames.Initializer().initBinder(binder);
		assertThat(binder.isDeclarativeBinding()).isFalse();
		binder.bind(request);
		assertThat(bean.getName()).isEqualTo("Dr Lee");
	}

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
