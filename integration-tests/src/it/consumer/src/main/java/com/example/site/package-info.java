/** The dealer website's API Service as this project uses it: the bundled spec, extended by our own. */
@ApiSpec("myapi/site-service-ext.yaml")
package com.example.site;

import dev.specbridge.runtime.ApiSpec;
