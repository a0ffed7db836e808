package org.parley.processor.api;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import io.javalin.http.UnauthorizedResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Requires a bearer token on every path but {@code /health} when the API is served beyond this machine.
 * Browsers cannot set headers on an EventSource, so the dashboard may also present the token once as
 * {@code ?access_token=}; it is then kept in an HttpOnly, same-site cookie for the page's later requests.
 */
final class BearerAuth {
    static final String COOKIE = "parley_token";
    static final String QUERY = "access_token";

    private final byte[] token;

    BearerAuth(String token) {
        this.token = token.getBytes(StandardCharsets.UTF_8);
    }

    /** The header value that other instances' relayed requests carry. */
    String authorizationHeader() {
        return "Bearer " + new String(token, StandardCharsets.UTF_8);
    }

    void check(Context ctx) {
        if ("/health".equals(ctx.path())) {
            return;
        }
        String header = ctx.header("Authorization");
        if (header != null && header.startsWith("Bearer ") && matches(header.substring(7).trim())) {
            return;
        }
        String fromQuery = ctx.queryParam(QUERY);
        if (fromQuery != null && matches(fromQuery)) {
            Cookie cookie = new Cookie(COOKIE, fromQuery);
            cookie.setHttpOnly(true);
            cookie.setSameSite(SameSite.STRICT);
            cookie.setPath("/");
            ctx.cookie(cookie);
            return;
        }
        String fromCookie = ctx.cookie(COOKIE);
        if (fromCookie != null && matches(fromCookie)) {
            return;
        }
        ctx.header("WWW-Authenticate", "Bearer realm=\"parley\"");
        throw new UnauthorizedResponse("a bearer token is required (Authorization: Bearer ..., or ?"
                + QUERY + "= once in a browser)");
    }

    private boolean matches(String presented) {
        // Constant-time comparison: the time taken says nothing about how much of the token was right.
        return MessageDigest.isEqual(token, presented.getBytes(StandardCharsets.UTF_8));
    }
}
