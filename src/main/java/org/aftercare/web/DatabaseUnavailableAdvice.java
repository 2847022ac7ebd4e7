package org.aftercare.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * When the database cannot be reached the user gets a clear "try again shortly" page
 * (503), not a stack trace. Forms that must keep the user's input handle the same
 * exceptions themselves.
 */
@ControllerAdvice
public class DatabaseUnavailableAdvice {

	private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableAdvice.class);

	@ExceptionHandler({ CannotCreateTransactionException.class, CannotGetJdbcConnectionException.class,
			DataAccessResourceFailureException.class })
	@ResponseStatus(HttpStatus.SERVICE_UNAVAILABLE)
	String databaseUnavailable(Exception ex) {
		log.error("Database unavailable: {}", ex.getMessage());
		return "error/503";
	}

	/** Is this exception the database being out of reach (rather than a bug)? */
	public static boolean isUnavailable(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof CannotCreateTransactionException || t instanceof CannotGetJdbcConnectionException
					|| t instanceof DataAccessResourceFailureException) {
				return true;
			}
		}
		return false;
	}

}
