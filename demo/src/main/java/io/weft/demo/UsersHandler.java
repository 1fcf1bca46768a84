package io.weft.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.sql.SQLException;
import java.util.Optional;

/** {@code GET /users/{id}}: 200 with the user's name, 404 if there is none, 400 for a bad id. */
final class UsersHandler implements HttpHandler {
  static final String CONTEXT = "/users/";

  private final UserDirectory users;

  UsersHandler(UserDirectory users) {
    this.users = users;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    String id = exchange.getRequestURI().getPath().substring(CONTEXT.length());
    long userId;
    try {
      userId = Long.parseLong(id);
    } catch (NumberFormatException e) {
      TextResponse.send(exchange, 400, "not a user id: " + id);
      return;
    }
    Optional<String> name;
    try {
      name = users.nameOf(userId);
    } catch (SQLException e) {
      throw new IllegalStateException("user look-up failed", e);
    }
    if (name.isPresent()) {
      TextResponse.send(exchange, 200, "user " + userId + ": " + name.get());
    } else {
      TextResponse.send(exchange, 404, "no user " + userId);
    }
  }
}
