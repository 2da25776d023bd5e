/**
 * The dealer-website API Service, generated from the bundled {@code apispec/site-service.yaml}: its records, the
 * typed {@code SiteServiceClient}, and the {@code SiteServiceHandler} that the in-process emulator implements.
 */
@ApiSpec("apispec/site-service.yaml")
package dev.specbridge.examples.site;

import dev.specbridge.runtime.ApiSpec;
