package org.aftercare;

import java.lang.reflect.Method;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;

import org.aftercare.security.ClinicScope;

/**
 * Runs the test code itself (test methods and their before/after methods) across clinics,
 * as the tests' operator: fixtures build clinics through the services, and assertions
 * read any clinic's rows with {@code JdbcClient}. Registered for every test by JUnit's
 * extension auto-detection ({@code junit-platform.properties}).
 *
 * <p>
 * It reaches no further than the test's own thread and code: a MockMvc request drops it
 * (ClinicScopeConfiguration's filter) and sees what its signed-in user's clinic may see,
 * the async listeners and the browser tests' server run on threads of their own, and the
 * tenant-isolation tests enter a clinic's scope, or none, themselves.
 */
public class ClinicScopeHarness implements InvocationInterceptor {

	@Override
	public void interceptBeforeAllMethod(Invocation<Void> invocation,
			ReflectiveInvocationContext<Method> invocationContext, ExtensionContext extensionContext) throws Throwable {
		across(invocation);
	}

	@Override
	public void interceptBeforeEachMethod(Invocation<Void> invocation,
			ReflectiveInvocationContext<Method> invocationContext, ExtensionContext extensionContext) throws Throwable {
		across(invocation);
	}

	@Override
	public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> invocationContext,
			ExtensionContext extensionContext) throws Throwable {
		across(invocation);
	}

	@Override
	public void interceptTestTemplateMethod(Invocation<Void> invocation,
			ReflectiveInvocationContext<Method> invocationContext, ExtensionContext extensionContext) throws Throwable {
		across(invocation);
	}

	@Override
	public <T> T interceptTestFactoryMethod(Invocation<T> invocation,
			ReflectiveInvocationContext<Method> invocationContext, ExtensionContext extensionContext) throws Throwable {
		return across(invocation);
	}

	@Override
	public void interceptAfterEachMethod(Invocation<Void> invocation,
			ReflectiveInvocationContext<Method> invocationContext, ExtensionContext extensionContext) throws Throwable {
		across(invocation);
	}

	@Override
	public void interceptAfterAllMethod(Invocation<Void> invocation,
			ReflectiveInvocationContext<Method> invocationContext, ExtensionContext extensionContext) throws Throwable {
		across(invocation);
	}

	private static <T> T across(Invocation<T> invocation) throws Throwable {
		Throwable[] failure = new Throwable[1];
		T result = ClinicScope.acrossClinics(ClinicScope.Reason.TEST_HARNESS, () -> {
			try {
				return invocation.proceed();
			}
			catch (Throwable ex) {
				failure[0] = ex;
				return null;
			}
		});
		if (failure[0] != null) {
			throw failure[0];
		}
		return result;
	}

}
