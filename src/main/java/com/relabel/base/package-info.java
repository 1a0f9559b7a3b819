/**
 * What every view shares: the app shell, the main layout, the chart component, the upload holder
 * and the plain-words notices for a database outage or a full disk. Depends on no module.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package com.relabel.base;
