package org.aftercare.triage;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class TriageWebConfiguration implements WebMvcConfigurer {

	private final FollowUpRequests followUpRequests;

	TriageWebConfiguration(FollowUpRequests followUpRequests) {
		this.followUpRequests = followUpRequests;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this.followUpRequests).addPathPatterns("/me");
	}

}
