package org.aftercare.account;

/**
 * The language switch on a patient's page: the language chosen (a tag such as "es") and
 * the page to go back to.
 */
record LanguageForm(String language, String back) {
}
