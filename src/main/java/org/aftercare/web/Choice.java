package org.aftercare.web;

/**
 * One option of a filter's drop-down as the page shows it: the value sent back, its label
 * in the reader's language, and whether the current filter has it. Built by the
 * controller, so that the template prints each option with three plain reads instead of a
 * form-field binding, a message lookup and a string concatenation per option (the queue's
 * filter form was about a fifth of the page's CPU).
 *
 * @param value the request parameter's value
 * @param label what the reader sees
 * @param selected whether the filter has this value
 */
public record Choice(String value, String label, boolean selected) {

}
