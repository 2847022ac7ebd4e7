package org.aftercare.web;

import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Constructor;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;

import jakarta.validation.Valid;

import org.junit.jupiter.api.Test;

import org.springframework.beans.BeanUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.MethodParameter;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import org.aftercare.AftercareTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every record a page binds from its query string (a GET handler's model attribute, such
 * as the queue's filters) binds through a canonical constructor whose parameters carry no
 * annotations: the JDK parses a constructor's parameter annotations afresh each time, and
 * Spring's constructor binding asks for them several times a parameter on every request
 * (6% of the queue page). The constraints stay on the record's fields, where validation
 * reads them; the refusals themselves are covered by the pages' own tests.
 */
@AftercareTest
class GetFormConstructorTests {

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Test
	void recordsBoundOnPagesHaveConstructorsWithoutParameterAnnotations() {
		Set<String> checked = new TreeSet<>();
		for (var entry : this.mappings.getHandlerMethods().entrySet()) {
			RequestMappingInfo info = entry.getKey();
			HandlerMethod handler = entry.getValue();
			if (!info.getMethodsCondition().getMethods().contains(RequestMethod.GET)) {
				continue;
			}
			for (MethodParameter parameter : handler.getMethodParameters()) {
				Class<?> type = parameter.getParameterType();
				if (!type.isRecord() || !type.getPackageName().startsWith("org.aftercare")
						|| !boundByModel(parameter)) {
					continue;
				}
				Constructor<?> constructor = BeanUtils.getResolvableConstructor(type);
				assertThat(Arrays.stream(constructor.getParameterAnnotations()).flatMap(Arrays::stream))
					.as("%s's constructor (bound by %s)", type.getSimpleName(), handler.getShortLogMessage())
					.isEmpty();
				assertThat(Arrays.stream(constructor.getAnnotatedParameterTypes())
					.map(AnnotatedType::getAnnotations)
					.flatMap(Arrays::stream)).as("%s's constructor's parameter types", type.getSimpleName()).isEmpty();
				checked.add(type.getSimpleName());
			}
		}
		assertThat(checked).contains("QueueFilter", "PatientSearch", "AuditFilter");
	}

	/** A model attribute: no annotation but {@code @ModelAttribute} and validation's. */
	private static boolean boundByModel(MethodParameter parameter) {
		return Arrays.stream(parameter.getParameterAnnotations())
			.map((annotation) -> annotation.annotationType())
			.allMatch((type) -> type == ModelAttribute.class || type == Valid.class || type == Validated.class);
	}

}
