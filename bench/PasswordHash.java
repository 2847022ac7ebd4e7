import java.util.Map;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Prints one {argon2} hash of the benchmark password, made exactly as the application's
 * encoder makes them (SecurityConfiguration.passwordEncoder: Argon2id 16/32/1/19456/2 behind
 * a DelegatingPasswordEncoder). Run by bench/run.sh with the jar's own libraries:
 * java -cp 'BOOT-INF/lib/*' bench/PasswordHash.java PASSWORD
 */
public class PasswordHash {

	public static void main(String[] args) {
		Argon2PasswordEncoder argon2 = new Argon2PasswordEncoder(16, 32, 1, 19456, 2);
		PasswordEncoder encoder = new DelegatingPasswordEncoder("argon2",
				Map.of("argon2", argon2, "bcrypt", new BCryptPasswordEncoder()));
		String hash = encoder.encode(args[0]);
		if (!encoder.matches(args[0], hash)) {
			throw new IllegalStateException("hash does not match");
		}
		System.out.println(hash);
	}

}
