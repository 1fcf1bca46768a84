package io.weft.demo;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;

/**
 * Turns an exception thrown by a handler into a 500 response, as a web framework would; the JDK
 * server on its own would just drop the connection.
 */
final class InternalErrorFilter extends Filter {

  @Override
  public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
    try {
      chain.doFilter(exchange);
    } catch (RuntimeException e) {
      if (exchange.getResponseCode() == -1) {
        TextResponse.send(exchange, 500, "internal error: " + e.getMessage());
      } else {
        exchange.close();
      }
    }
  }

  @Override
  public String description() {
    return "sends 500 when a handler throws";
  }
}
