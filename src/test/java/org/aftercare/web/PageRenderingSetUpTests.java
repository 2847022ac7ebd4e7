package org.aftercare.web;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

import org.aftercare.AftercareTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pages are rendered whole before anything is sent (application.yml), so that a template
 * failing half-way gives the error page, not half a page.
 */
@AftercareTest
class PageRenderingSetUpTests {

	@Autowired
	ThymeleafViewResolver views;

	@Test
	void pagesAreRenderedWholeBeforeTheyAreSent() {
		assertThat(this.views.getProducePartialOutputWhileProcessing()).isFalse();
	}

}
