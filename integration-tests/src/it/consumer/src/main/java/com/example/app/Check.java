package com.example.app;

import com.example.site.CreateLeadRequest;
import com.example.site.LeadScoreRequest;
import com.example.site.SiteServiceCommands;
import dev.specbridge.runtime.form.FormReader;
import dev.specbridge.runtime.form.FormWriter;
import java.util.List;

/** This project's code on top of the generated types; ConsumerBuildIT calls it after each build. */
public final class Check {
  /** A create_lead request as the site sends it, with one field more than the bundled spec declares. */
  public static final String LEAD_PAIRS = "first_name=John&favourite_colour=teal&shoe_size=42";

  private Check() {}

  /**
   * The command this project's spec adds, encoded as name-value pairs and its answer decoded; then a create_lead
   * request read from {@link #LEAD_PAIRS}: the field our spec adds, and the names of the pairs it does not declare.
   */
  public static List<String> run() {
    FormWriter pairs = new FormWriter();
    SiteServiceCommands.LEAD_SCORE.writeRequest().accept(pairs, LeadScoreRequest.builder().leadId(7).build());
    Integer score = SiteServiceCommands.LEAD_SCORE.readResponse().apply(FormReader.parse("score=93")).score();
    CreateLeadRequest lead = lead();
    return List.of(pairs.body(), String.valueOf(score), lead.favouriteColour(), lead.unknownFields().names().toString());
  }

  /** The create_lead request read from {@link #LEAD_PAIRS}. */
  public static CreateLeadRequest lead() {
    return SiteServiceCommands.CREATE_LEAD.readRequest().apply(FormReader.parse(LEAD_PAIRS));
  }
}
