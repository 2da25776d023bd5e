package dev.specbridge.runtime.form;

/**
 * What a server-side handler knows about a call besides its request.
 *
 * @param command the command's wire name
 * @param principal who the authenticator says is calling (a login id, a user, a site), never a secret
 */
public record CallContext(String command, String principal) {}
