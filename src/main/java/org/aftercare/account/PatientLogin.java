package org.aftercare.account;

/**
 * A patient's login that may be used, and the language of their pages: a tag ("es").
 */
public record PatientLogin(AccountId accountId, String language) {
}
