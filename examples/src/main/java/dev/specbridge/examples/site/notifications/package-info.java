/**
 * The dealer website's notifications, generated from the bundled {@code apispec/site-notifications.yaml}: a
 * record per notification type, the sealed {@code SiteNotification} over them, and the
 * {@code SiteNotificationsHandler} that {@link dev.specbridge.examples.site.notifications.MemberDirectory}
 * implements.
 */
@ApiSpec("apispec/site-notifications.yaml")
package dev.specbridge.examples.site.notifications;

import dev.specbridge.runtime.ApiSpec;
