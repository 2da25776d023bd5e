package com.example.app;

import com.example.site.CreateLeadRequest;
import com.example.site.CreateLeadResponse;
import com.example.site.LeadScoreRequest;
import com.example.site.LeadScoreResponse;
import com.example.site.SiteServiceHandler;
import dev.specbridge.runtime.form.CallContext;
import dev.specbridge.runtime.form.FormDispatcher;
import dev.specbridge.runtime.form.FormReader;
import dev.specbridge.runtime.form.FormWriter;
import java.util.List;

/**
 * This project's code on top of the generated types: the server side of the two commands its spec touches,
 * served through the generated dispatcher as a FormEndpoint would. ConsumerBuildIT calls it after each build.
 */
public final class Check implements SiteServiceHandler {
  /** A create_lead request as the site sends it: a field our spec adds, and one pair it may not declare. */
  public static final String LEAD_PAIRS = "first_name=John&favourite_colour=teal&shoe_size=42";

  private CreateLeadRequest lead;

  @Override
  public LeadScoreResponse leadScore(LeadScoreRequest request, CallContext context) {
    return LeadScoreResponse.builder().score(request.leadId() * 10 + 23).build();
  }

  @Override
  public CreateLeadResponse createLead(CreateLeadRequest request, CallContext context) {
    lead = request;
    return CreateLeadResponse.builder().leadId(1001).build();
  }

  /**
   * The answer to {@code lead_score} (the command our spec adds) for lead 7; the answer to a create_lead of
   * {@link #LEAD_PAIRS}; and what the handler read of that request: the field our spec adds, and the names of the
   * pairs it does not declare.
   */
  public static List<String> run() {
    Check handler = new Check();
    FormDispatcher dispatcher = SiteServiceHandler.dispatcher(handler);
    FormWriter score = new FormWriter();
    dispatcher.dispatch("lead_score", FormReader.parse("lead_id=7"), "apiuser", score);
    FormWriter created = new FormWriter();
    dispatcher.dispatch("create_lead", FormReader.parse(LEAD_PAIRS), "apiuser", created);
    return List.of(score.body(), created.body(), handler.lead.favouriteColour(),
        handler.lead.unknownFields().names().toString());
  }

  /** The create_lead request the handler read from {@link #LEAD_PAIRS}. */
  public static CreateLeadRequest lead() {
    Check handler = new Check();
    SiteServiceHandler.dispatcher(handler).dispatch("create_lead", FormReader.parse(LEAD_PAIRS), "apiuser",
        new FormWriter());
    return handler.lead;
  }
}
