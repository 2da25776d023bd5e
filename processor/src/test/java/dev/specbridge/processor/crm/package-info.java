/** The records of an xml-http spec, used by the behaviour tests of the XML codec. */
@ApiSpec("specs/kinds/objects.yaml")
package dev.specbridge.processor.crm;

import dev.specbridge.runtime.ApiSpec;
