package org.aftercare.report;

/**
 * Whether the medicines the patient took for their symptoms helped.
 */
public enum MedicinesHelped {

	YES, PARTLY, NO

}
