package dev.specbridge.processor.protocol.xmlhttp;

import com.google.auto.service.AutoService;
import dev.specbridge.processor.diagnostics.Trail;
import dev.specbridge.processor.load.ListNode;
import dev.specbridge.processor.load.MapNode;
import dev.specbridge.processor.load.Node;
import dev.specbridge.processor.load.ScalarNode;
import dev.specbridge.processor.model.EntryOptions;
import dev.specbridge.processor.model.WireFormat;
import dev.specbridge.processor.protocol.EntrySection;
import dev.specbridge.processor.protocol.ProtocolPlugin;
import dev.specbridge.processor.validate.NodeCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code xml-http}: XML packets of transactions on CRM objects POSTed over HTTP, as Centric CRM's (seed 002). Each
 * object is its own body, a record with the XML codec ({@code readXml} streams it from an answer's records,
 * {@code writeXml} writes it into a packet's item) and the form codec it stands on.
 */
@AutoService(ProtocolPlugin.class)
public final class XmlHttpProtocol extends ProtocolPlugin {
  /** The actions the Centric server performs on objects (its {@code action} attribute). */
  static final List<String> ACTIONS = List.of("insert", "update", "delete", "select", "sync", "getDateTime");
  private static final String ACTIONS_KEY = "actions";
  private static final EntrySection SECTION = new EntrySection("objects", "object", List.of(), "The CRM object",
      List.of(ACTIONS_KEY), false, false);

  public XmlHttpProtocol() {
    // an object's fields are name-value pairs in elements: the form codec writes them, readXml streams them in
    super("xml-http", SECTION, Set.of(WireFormat.FORM, WireFormat.XML));
  }

  @Override
  public EntryOptions options(MapNode entry, Trail trail, NodeCheck check) {
    Node node = entry.get(ACTIONS_KEY);
    List<String> actions = new ArrayList<>();
    Trail actionsTrail = trail.then(ACTIONS_KEY);
    if (node instanceof ListNode list) {
      for (Node action : list.items()) {
        if (!(action instanceof ScalarNode scalar) || scalar.isNull()) {
          check.error(action, actionsTrail, "each action must be a name, found " + action.describe());
        } else if (actions.contains(scalar.text())) {
          check.error(action, actionsTrail, "action '" + scalar.text() + "' is listed twice");
        } else if (check.choice(action, scalar.text(), actionsTrail, ACTIONS) != null) {
          actions.add(scalar.text());
        }
      }
    } else if (node != null) {
      check.error(node, actionsTrail, "must be a list of action names, found " + node.describe());
    }
    return new ObjectOptions(actions);
  }
}
