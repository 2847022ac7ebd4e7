package org.aftercare.web;

import java.lang.reflect.Executable;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.core.MethodParameter;
import org.springframework.validation.DataBinder;
import org.springframework.web.bind.support.BindParamNameResolver;
import org.springframework.web.bind.support.ConfigurableWebBindingInitializer;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.servlet.support.ExtendedServletRequestDataBinder;

/**
 * The request parameter name of each constructor argument of a form record, worked out
 * once per argument instead of on every request. Spring's own resolver reads the
 * argument's {@code @BindParam} each time, and the JDK parses every parameter annotation
 * of the constructor anew on each read: on the report form, with its entries, that was
 * 4.5% of a submit's CPU.
 */
final class CachedBindParamNames implements DataBinder.NameResolver {

	private final DataBinder.NameResolver names = new BindParamNameResolver();

	/**
	 * By constructor, then argument index; a small closed set (the app's form records).
	 */
	private final Map<Executable, Map<Integer, Optional<String>>> resolved = new ConcurrentHashMap<>();

	@Override
	public String resolveName(MethodParameter parameter) {
		return this.resolved.computeIfAbsent(parameter.getExecutable(), (executable) -> new ConcurrentHashMap<>())
			.computeIfAbsent(parameter.getParameterIndex(),
					(index) -> Optional.ofNullable(this.names.resolveName(parameter)))
			.orElse(null);
	}

	/**
	 * Spring Boot's binder set-up (the MVC conversion service and validator), with the
	 * cached names, forms bound from the request's parameters only, and form records by
	 * their constructor only. Replaces Boot's own initializer, so a
	 * {@code spring.mvc.message-codes-resolver-format} would not apply (none is set).
	 */
	static final class Initializer extends ConfigurableWebBindingInitializer {

		private final CachedBindParamNames names = new CachedBindParamNames();

		@Override
		public void initBinder(WebDataBinder binder) {
			super.initBinder(binder);
			binder.setNameResolver(this.names);
			if (binder instanceof ExtendedServletRequestDataBinder servletBinder) {
				// Spring MVC also fills a form's fields from request headers of the same
				// name, looking each field up among the headers when the form did not
				// send it: a report form's unanswered fields made some 200 header
				// lookups a submit. What a patient or clinician recorded comes
				// from what the form posted, never from a header.
				servletBinder.setHeaderPredicate((header) -> false);
			}
			if (binder.getTarget() == null && binder.getTargetType() != null
					&& binder.getTargetType().toClass().isRecord()) {
				// A form record is whole once its constructor has run: it has no setters.
				// Spring would still offer it every posted parameter as a property, and
				// make (and drop) an exception for each, since none is writable: 7% of a
				// submit's CPU, 24 entries' worth. Constructor binding only.
				binder.setDeclarativeBinding(true);
			}
		}

	}

}
