package io.weft.smoke.servlet;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The scripted application, jakarta namespace, registered through the standard {@code ServletContext}
 * API so that every container runs the same thing. {@code ServletContainerMetricsTest} sends the requests.
 */
public final class JakartaScriptedApp implements ServletContainerInitializer {

  /** Completes async requests off the container's threads, as real async code does. */
  private static final ExecutorService ASYNC = Executors.newFixedThreadPool(2, r -> {
    Thread t = new Thread(r, "scripted-async");
    t.setDaemon(true);
    return t;
  });

  @Override
  public void onStartup(Set<Class<?>> classes, ServletContext context) {
    FilterRegistration.Dynamic marker = context.addFilter("marker", new MarkerFilter());
    marker.addMappingForUrlPatterns(EnumSet.allOf(DispatcherType.class), false, "/*");
    marker.setAsyncSupported(true);
    add(context, "hello", new Text("hello"), "/hello");
    add(context, "fail", new Fail(), "/fail");
    add(context, "forward", new Forward(), "/forward");
    add(context, "include", new Include(), "/include");
    add(context, "async", new Async(), "/async");
    add(context, "async-timeout", new AsyncTimeout(), "/async-timeout");
    add(context, "async-dispatch-fail", new AsyncDispatchFail(), "/async-dispatch-fail");
    add(context, "users", new Text("user"), "/users/*");
    add(context, "spring", new SpringLike(), "/spring/*");
    add(context, "echo", new Echo(), "/echo");
    add(context, "blocked", new Text("never reached"), "/blocked");
    add(context, "not-found", new NotFound(), "/");
  }

  private static void add(ServletContext context, String name, HttpServlet servlet, String pattern) {
    ServletRegistration.Dynamic registration = context.addServlet(name, servlet);
    registration.addMapping(pattern);
    registration.setAsyncSupported(true);
  }

  /** Lets the request's first dispatch return to the container before async work ends it. */
  private static void pause() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void write(HttpServletResponse response, String text) throws IOException {
    byte[] body = text.getBytes(StandardCharsets.UTF_8);
    response.setContentType("text/plain");
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  /** On every path and dispatch: a header on the way in; {@code /blocked} is answered here. */
  static final class MarkerFilter implements Filter {
    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
        throws IOException, ServletException {
      HttpServletResponse http = (HttpServletResponse) response;
      http.setHeader("X-Scripted-Filter", "seen");
      if ("/blocked".equals(((HttpServletRequest) request).getServletPath())) {
        http.sendError(403);
        return;
      }
      chain.doFilter(request, response);
    }
  }

  static final class Text extends HttpServlet {
    private final String text;

    Text(String text) {
      this.text = text;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
      write(response, text);
    }
  }

  static final class Fail extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) {
      throw new IllegalStateException("scripted failure");
    }
  }

  static final class Forward extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
        throws IOException, ServletException {
      request.getRequestDispatcher("/hello").forward(request, response);
    }
  }

  static final class Include extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
        throws IOException, ServletException {
      response.setContentType("text/plain");
      request.getRequestDispatcher("/hello").include(request, response);
    }
  }

  static final class Async extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) {
      AsyncContext async = request.startAsync();
      ASYNC.execute(() -> {
        try {
          pause();
          write((HttpServletResponse) async.getResponse(), "async");
        } catch (IOException e) {
          throw new IllegalStateException(e);
        } finally {
          async.complete();
        }
      });
    }
  }

  /** Never completes: the container times it out. */
  static final class AsyncTimeout extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) {
      request.startAsync().setTimeout(200);
    }
  }

  /** Dispatches to {@code /fail}, which throws on the container's async dispatch. */
  static final class AsyncDispatchFail extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) {
      AsyncContext async = request.startAsync();
      ASYNC.execute(() -> {
        pause();
        async.dispatch("/fail");
      });
    }
  }

  /** Does what Spring MVC's DispatcherServlet does for a handler mapped to {@code /items/{id}}. */
  static final class SpringLike extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
      request.setAttribute("org.springframework.web.servlet.HandlerMapping.bestMatchingPattern", "/items/{id}");
      write(response, "item");
    }
  }

  static final class Echo extends HttpServlet {
    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
      byte[] body = request.getInputStream().readAllBytes();
      response.setContentLength(body.length);
      response.getOutputStream().write(body);
      response.flushBuffer();
    }
  }

  static final class NotFound extends HttpServlet {
    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
      response.sendError(404);
    }
  }
}
