package org.aftercare;

import java.util.List;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.Test;

import org.springframework.stereotype.Controller;
import org.springframework.stereotype.Service;
import org.springframework.web.bind.annotation.RestController;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The shape of each module's API: services publish top-level records (typed ids,
 * commands, one view per page), not types nested in themselves; a web form stays in the
 * web layer, which turns it into a command; transactions belong to services, never to
 * controllers.
 */
class ModuleApiTests {

	private static final JavaClasses APPLICATION = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("org.aftercare");

	/**
	 * A class annotated {@code @Service}, or named as one (a facade or a page service).
	 */
	private static final DescribedPredicate<JavaClass> SERVICE = DescribedPredicate
		.describe("a service (@Service, *Service or *Pages)", (type) -> type.isAnnotatedWith(Service.class)
				|| type.getSimpleName().endsWith("Service") || type.getSimpleName().endsWith("Pages"));

	private static final DescribedPredicate<JavaClass> NESTED_IN_A_SERVICE = DescribedPredicate
		.describe("nested in a service", (type) -> type.getEnclosingClass().map(SERVICE::test).orElse(false));

	@Test
	void servicesPublishNoNestedTypes() {
		noClasses().that(NESTED_IN_A_SERVICE).should().bePublic().check(APPLICATION);
	}

	@Test
	void servicesTakeNoWebFormsOrWebTypes() {
		// Not only public methods: a form handed to a package-private service method is
		// still the web layer's shape reaching into the service.
		methods().that()
			.areDeclaredInClassesThat(SERVICE)
			.and()
			.doNotHaveModifier(JavaModifier.PRIVATE)
			.should(takeNoWebTypes())
			.check(APPLICATION);
	}

	@Test
	void controllersHoldNoTransactions() {
		DescribedPredicate<JavaClass> controller = DescribedPredicate.describe("a controller",
				(type) -> type.isAnnotatedWith(Controller.class) || type.isAnnotatedWith(RestController.class));
		classes().that(controller).should(declareNoTransactions()).check(APPLICATION);
	}

	private static ArchCondition<JavaMethod> takeNoWebTypes() {
		return new ArchCondition<>("take no form (*Form) and no type of a web package") {
			@Override
			public void check(JavaMethod method, ConditionEvents events) {
				method.getParameters()
					.stream()
					.flatMap((parameter) -> parameter.getType().getAllInvolvedRawTypes().stream())
					.filter(ModuleApiTests::isWebType)
					.forEach((type) -> events
						.add(SimpleConditionEvent.violated(method, method.getFullName() + " takes " + type.getName())));
			}
		};
	}

	static boolean isWebType(JavaClass type) {
		String name = type.getSimpleName();
		String pkg = type.getPackageName();
		return name.endsWith("Form") || pkg.endsWith(".web") || pkg.contains(".web.");
	}

	private static ArchCondition<JavaClass> declareNoTransactions() {
		List<String> transactional = List.of("org.springframework.transaction.annotation.Transactional",
				"jakarta.transaction.Transactional");
		return new ArchCondition<>("hold no @Transactional") {
			@Override
			public void check(JavaClass type, ConditionEvents events) {
				transactional.stream()
					.filter(type::isAnnotatedWith)
					.forEach((annotation) -> events
						.add(SimpleConditionEvent.violated(type, type.getName() + " is @Transactional")));
				type.getMethods()
					.stream()
					.filter((method) -> transactional.stream().anyMatch(method::isAnnotatedWith))
					.forEach((method) -> events
						.add(SimpleConditionEvent.violated(method, method.getFullName() + " is @Transactional")));
			}
		};
	}

}
