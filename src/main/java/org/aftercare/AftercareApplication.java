package org.aftercare;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Aftercare: post-treatment side-effect tracking for botulinum toxin clinics.
 */
@SpringBootApplication
@EnableScheduling
@Modulithic(sharedModules = { "security", "web" })
public class AftercareApplication {

	public static void main(String[] args) {
		SpringApplication.run(AftercareApplication.class, args);
	}

}
