/**
 * Centric CRM's XML API, generated from the bundled {@code apispec/centric-crm.yaml}: a record per object of the
 * server's map with its item factories, the typed {@code CentricCrmClient}, and the {@code CentricCrmHandler} that
 * the in-process emulator implements.
 */
@ApiSpec("apispec/centric-crm.yaml")
package dev.specbridge.examples.centric;

import dev.specbridge.runtime.ApiSpec;
