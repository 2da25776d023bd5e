package dev.specbridge.processor.generate.received;

import com.palantir.javapoet.ClassName;
import dev.specbridge.processor.generate.ApiTypes;
import dev.specbridge.processor.generate.Javadoc;
import dev.specbridge.processor.model.ApiModel;
import dev.specbridge.processor.model.EntryModel;
import java.util.List;
import java.util.Map;

/**
 * The messages an API receives from its server, as a protocol describes them for
 * {@link ReceivedMessagesGenerator}: which entries, the body each carries, what one is called, and the runtime
 * types their handler works with.
 *
 * @param entries the entries received, in the spec's order
 * @param body the body of each entry that a message carries ({@code data}, {@code payload})
 * @param noun what one is called in docs ({@code notification}, {@code message})
 * @param family the sealed interface over their records
 * @param unknown the record of a message of a type the spec does not list
 * @param handler the handler interface, a method per type
 * @param dispatcher the runtime dispatcher the handler's {@code dispatcher(…)} builds: it has {@code builder()},
 *     {@code on(type, reader, handler)}, {@code otherwise((type, data, context) -> …)} and {@code build()}
 * @param context what a handler method gets beside the record
 * @param contextDoc the {@code @param context} doc of a handler method
 * @param throwsDoc the {@code @throws Exception} doc of a handler method: what throwing does
 * @param replies the message each entry is answered with, by the entry's wire name: its handler method returns the
 *     reply's record, which the route sends back through its context ({@code context.reply(…)}); empty when none
 * @param routes the class of the dispatcher's routes ({@code <Api>Routes}, or another for a second family)
 */
public record ReceivedMessages(
    List<EntryModel> entries,
    String body,
    String noun,
    ClassName family,
    ClassName unknown,
    ClassName handler,
    ClassName dispatcher,
    ClassName context,
    String contextDoc,
    String throwsDoc,
    Map<String, EntryModel> replies,
    ClassName routes) {

  public ReceivedMessages {
    entries = List.copyOf(entries);
    replies = Map.copyOf(replies);
  }

  /**
   * The family's name: an API named {@code …Notifications} gives the singular ({@code SiteNotification}), any other
   * gets {@code suffix} ({@code Notices} + {@code Notification}).
   */
  public static String familyName(String apiJavaName, String suffix) {
    return apiJavaName.endsWith(suffix + "s") ? apiJavaName.substring(0, apiJavaName.length() - 1)
        : apiJavaName + suffix;
  }

  /** The record a message of {@code entry} decodes to. */
  public ClassName record(ApiTypes types, EntryModel entry) {
    return types.body(entry, body);
  }

  static String apiDoc(ApiModel api) {
    return api.doc() == null ? "" : "\n\n<p>" + Javadoc.escape(api.doc());
  }
}
