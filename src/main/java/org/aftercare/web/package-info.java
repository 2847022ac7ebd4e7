/**
 * Shared web infrastructure: layout, errors, time formatting and input rules used by
 * every feature.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.aftercare.web;
