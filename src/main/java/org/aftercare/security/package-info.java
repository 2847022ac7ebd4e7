/**
 * Shared security: the filter chain, password hashing and the signed-in user with their
 * clinic.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.aftercare.security;
