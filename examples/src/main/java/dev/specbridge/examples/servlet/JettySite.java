package dev.specbridge.examples.servlet;

import dev.specbridge.examples.site.SiteServiceClient;
import dev.specbridge.examples.site.SiteServiceEmulator;
import dev.specbridge.examples.site.notifications.MemberDirectory;
import dev.specbridge.examples.site.notifications.SiteNotificationsHandler;
import dev.specbridge.runtime.webhook.Deduplicator;
import dev.specbridge.runtime.webhook.NotificationAuth;
import dev.specbridge.runtime.webhook.NotificationEndpoint;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * Both sides of the dealer website in a real servlet container, embedded Jetty 12 (Jakarta Servlet 6), each
 * endpoint behind an {@link EndpointServlet}: the website's notifications at {@value #NOTIFICATIONS}, received by
 * a {@link MemberDirectory} through the generated handler's endpoint, and the API Service's commands at
 * {@code /service}, answered by the {@link SiteServiceEmulator}'s form endpoint. It binds to loopback on a free
 * port; close it to stop.
 */
public final class JettySite implements AutoCloseable {
  public static final String NOTIFICATIONS = "/notifications";
  /** The largest command body read: the form endpoint, unlike the webhook's, has no limit of its own. */
  public static final int MAX_COMMAND_BYTES = 1 << 20;

  private final Server server;
  private final ServerConnector connector;

  private JettySite(Server server, ServerConnector connector) {
    this.server = server;
    this.connector = connector;
  }

  /** Starts Jetty on {@code 127.0.0.1} and a free port, and tells the emulator where it is served. */
  public static JettySite start(MemberDirectory directory, SiteServiceEmulator service) throws Exception {
    NotificationEndpoint notifications = SiteNotificationsHandler.endpoint(directory)
        .auth(NotificationAuth.login(SiteServiceEmulator.LOGIN_ID, SiteServiceEmulator.PASSWORD))
        .deduplicator(Deduplicator.inMemory(10_000))
        .build();
    ServletContextHandler context = new ServletContextHandler();
    context.setContextPath("/");
    context.addServlet(new ServletHolder(new EndpointServlet(notifications, notifications.maxBodyBytes())),
        NOTIFICATIONS);
    context.addServlet(new ServletHolder(new EndpointServlet(service.endpoint(), MAX_COMMAND_BYTES)),
        SiteServiceClient.PATH);

    Server server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1"); // loopback: a real receiver binds its address, behind a TLS proxy
    connector.setPort(0);
    server.addConnector(connector);
    server.setHandler(context);
    server.start();
    JettySite site = new JettySite(server, connector);
    service.servedAt(site.url(SiteServiceClient.PATH));
    return site;
  }

  /** The URL of {@code path} on this server, e.g. {@code http://127.0.0.1:49152/notifications}. */
  public String url(String path) {
    return "http://127.0.0.1:" + connector.getLocalPort() + path;
  }

  @Override
  public void close() throws Exception {
    server.stop();
  }
}
