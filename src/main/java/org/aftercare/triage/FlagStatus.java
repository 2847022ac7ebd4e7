package org.aftercare.triage;

public enum FlagStatus {

	OPEN, ACKNOWLEDGED, RESOLVED

}
