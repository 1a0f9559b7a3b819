/** Users, roles, API tokens, login throttling and the security filter chains. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"base"})
package com.relabel.security;
