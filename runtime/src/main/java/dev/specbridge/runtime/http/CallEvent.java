package dev.specbridge.runtime.http;

import dev.specbridge.runtime.error.CommandFailedException;
import dev.specbridge.runtime.error.HttpStatusException;
import dev.specbridge.runtime.error.MalformedResponseException;
import dev.specbridge.runtime.error.TransportException;
import dev.specbridge.runtime.value.Redaction;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import okhttp3.Request;
import okio.Buffer;

/**
 * One call as a {@link CallListener} sees it: its name, how it ended, how long it took, how many attempts it made,
 * the sizes of its last request and answer, and a view of both in which every credential and {@code secret} field
 * shows as {@code ██}. {@link #request()} and {@link #answer()} are made, on demand, from the wire text by the
 * call's own {@link HttpCall#shown}, and {@link #toString()} hides them the same way. {@link #failure()} is the
 * exception itself: its message hides credentials, but its raw body and its cause keep what the server sent, so
 * log the event's {@code toString()}, not the throwable.
 */
public final class CallEvent {
  /** How a call ended. */
  public enum Outcome {
    /** The answer was read, and it says the call succeeded. */
    OK,
    /** The answer was read, and the server says the command failed ({@link CommandFailedException}). */
    REFUSED,
    /** The answer could not be read as the protocol says ({@link MalformedResponseException}). */
    MALFORMED,
    /** An HTTP error status or a redirect ({@link HttpStatusException}). */
    HTTP_STATUS,
    /** No answer came: the connection failed or timed out ({@link TransportException}). */
    NO_ANSWER,
    /** An async call's future was cancelled. */
    CANCELLED,
    /** Something else went wrong reading the answer (a bug of a reader, an {@code Error}). */
    ERROR
  }

  private final HttpCall<?> call;
  private final String url;
  private final Outcome outcome;
  private final Throwable failure;
  private final Duration duration;
  private final int attempts;
  private final Request lastRequest;
  private final HttpAnswer lastAnswer;

  CallEvent(HttpCall<?> call, Throwable failure, Duration duration, int attempts, Request lastRequest,
      HttpAnswer lastAnswer) {
    this.call = call;
    this.url = lastRequest == null ? "" : HttpUrls.shown(lastRequest.url().toString());
    this.outcome = outcomeOf(failure);
    this.failure = failure;
    this.duration = duration;
    this.attempts = attempts;
    this.lastRequest = lastRequest;
    this.lastAnswer = lastAnswer;
  }

  private static Outcome outcomeOf(Throwable failure) {
    if (failure == null) {
      return Outcome.OK;
    }
    if (failure instanceof CommandFailedException) {
      return Outcome.REFUSED;
    }
    if (failure instanceof MalformedResponseException) {
      return Outcome.MALFORMED;
    }
    if (failure instanceof HttpStatusException) {
      return Outcome.HTTP_STATUS;
    }
    if (failure instanceof TransportException) {
      return Outcome.NO_ANSWER;
    }
    return failure instanceof CancellationException ? Outcome.CANCELLED : Outcome.ERROR;
  }

  /** The command (or object) called: the {@link CommandTag} of its requests. */
  public String name() {
    return call.name();
  }

  /** Where it was sent, without user-info or query. */
  public String url() {
    return url;
  }

  public Outcome outcome() {
    return outcome;
  }

  /** What the call threw, or {@code null} when it succeeded; its message shows no credential. */
  public Throwable failure() {
    return failure;
  }

  /** From the first attempt's start to the end, waits between attempts included. */
  public Duration duration() {
    return duration;
  }

  /** How many times the request was sent (more than one after retries). */
  public int attempts() {
    return attempts;
  }

  /** The HTTP status of the last answer, or {@code -1} when none came. */
  public int httpStatus() {
    return lastAnswer == null ? -1 : lastAnswer.status();
  }

  /** The size of the last request's body in bytes, or {@code -1} when unknown. */
  public long requestBytes() {
    try {
      return lastRequest == null || lastRequest.body() == null ? -1 : lastRequest.body().contentLength();
    } catch (IOException e) {
      return -1;
    }
  }

  /** The size of the last answer's body in bytes, or {@code -1} when none was read. */
  public long answerBytes() {
    return lastAnswer == null ? -1 : lastAnswer.body().length;
  }

  /** The last request's body with every secret hidden, or {@code ""} when there was none. */
  public String request() {
    if (lastRequest == null || lastRequest.body() == null) {
      return "";
    }
    try (Buffer buffer = new Buffer()) {
      lastRequest.body().writeTo(buffer);
      return call.shown(buffer.readString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      return "";
    }
  }

  /** The last answer's body with every secret hidden, or {@code ""} when none was read. */
  public String answer() {
    return lastAnswer == null ? "" : call.shown(lastAnswer.raw());
  }

  /**
   * One line for a log: name, outcome, status, time, attempts and sizes, and the failure's message cut and with
   * what the call hides hidden (the spec's secret fields too); no body, no credential.
   */
  @Override
  public String toString() {
    return name() + " " + outcome + (httpStatus() < 0 ? "" : " (HTTP " + httpStatus() + ")") + " in "
        + duration.toMillis() + " ms, " + attempts + (attempts == 1 ? " attempt" : " attempts") + ", "
        + requestBytes() + " bytes sent, " + answerBytes() + " received"
        + (failure == null ? "" : ": " + call.shown(Redaction.cut(String.valueOf(failure.getMessage()))));
  }
}
